import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/app/_lib/page-context";
import { PointEditor } from "@/components/attendance/point-editor";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { getAttendancePoint } from "@/lib/attendance/points/get-attendance-point";
import { isDomainError } from "@/lib/errors";
import { getDistrictBounds } from "@/lib/grid/get-district-bounds";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.attendancePoints.list.title };
export const dynamic = "force-dynamic";

/** 编辑考勤点: the fence (shape and corners), name, region and members of one point (attendance.configure). */
export default async function EditAttendancePointPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePagePermission("attendance.configure");
  const { id } = await params;
  const point = await getAttendancePoint({ ctx, id }).catch((error) => {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const district = await getDistrictBounds({ ctx });
  return (
    <ConsoleFrame back={{ href: "/attendance/points", label: t.attendancePoints.editor.back }}>
      <PointEditor key={`${point.id}-${point.version}`} districtBounds={district.bounds} point={point} />
    </ConsoleFrame>
  );
}
