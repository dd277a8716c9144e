import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { PointEditor } from "@/components/attendance/point-editor";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { getDistrictBounds } from "@/lib/grid/get-district-bounds";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.attendancePoints.editor.newTitle };
export const dynamic = "force-dynamic";

/** 新建考勤点: draw a fence on the map and name it (attendance.configure). */
export default async function NewAttendancePointPage() {
  const ctx = await requirePagePermission("attendance.configure");
  const district = await getDistrictBounds({ ctx });
  return (
    <ConsoleFrame back={{ href: "/attendance/points", label: t.attendancePoints.editor.back }}>
      <PointEditor districtBounds={district.bounds} point={null} />
    </ConsoleFrame>
  );
}
