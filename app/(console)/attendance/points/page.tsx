import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { PointsBrowser } from "@/components/attendance/points-browser";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { listAttendancePoints } from "@/lib/attendance/points/list-attendance-points";
import { getDistrictBounds } from "@/lib/grid/get-district-bounds";
import { parseId } from "@/lib/id";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.attendancePoints.list.title };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** 考勤点: the fences of the caller's area, listed with filters in the URL beside the map (attendance.configure). */
export default async function AttendancePointsPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("attendance.configure");
  const params = await searchParams;
  const filters = {
    q: one(params.q),
    region: one(params.region),
    shape: ["polygon", "circle"].includes(one(params.shape)) ? one(params.shape) : "",
    status: ["active", "inactive", "all"].includes(one(params.status)) ? one(params.status) : "active",
    before: parseId(one(params.before), "bigint") !== null ? one(params.before) : "",
  };
  const [page, district] = await Promise.all([
    listAttendancePoints({
      ctx,
      input: {
        q: filters.q || undefined,
        regionId: filters.region || undefined,
        shape: (filters.shape || undefined) as "polygon" | "circle" | undefined,
        status: filters.status as "active" | "inactive" | "all",
        before: filters.before || undefined,
      },
    }),
    getDistrictBounds({ ctx }),
  ]);
  return (
    <ConsoleFrame>
      <PointsBrowser
        districtBounds={district.bounds}
        items={page.items}
        next={page.next}
        filters={filters}
        savedId={parseId(one(params.saved), "bigint")}
      />
    </ConsoleFrame>
  );
}
