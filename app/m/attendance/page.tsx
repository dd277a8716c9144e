import type { Metadata } from "next";
import Link from "next/link";
import { requireMobilePermission } from "@/app/m/_lib/mobile-context";
import { PunchPanel } from "@/components/mobile/attendance/punch-panel";
import { PatrolRecorder } from "@/components/mobile/attendance/patrol-recorder";
import { MobileHeader } from "@/components/mobile/mobile-header";
import { getMyPunchDay } from "@/lib/attendance/punch/get-my-punch-day";
import { can } from "@/lib/auth/authorize";
import { isDomainError } from "@/lib/errors";
import { getDistrictBounds } from "@/lib/grid/get-district-bounds";
import { attendanceDays } from "@/lib/i18n/zh-CN/attendance-days";
import { attendancePunch } from "@/lib/i18n/zh-CN/attendance-punch";

export const metadata: Metadata = { title: attendancePunch.title };
export const dynamic = "force-dynamic";

/** 考勤打卡 on the phone: punch in and out at the fences serving the caller, and record patrols. */
export default async function MobileAttendancePage() {
  const ctx = await requireMobilePermission("attendance.self");
  const header = <MobileHeader title={attendancePunch.title} back={{ href: "/m" }} />;
  let day;
  try {
    day = await getMyPunchDay({ ctx });
  } catch (error) {
    if (!isDomainError(error) || error.code !== "NOT_FOUND") throw error;
    return (
      <>
        {header}
        <main className="p-4">
          <p className="rounded-xl bg-amber-50 p-4 text-amber-900" role="alert" data-testid="punch-no-staff">
            {error.message}
          </p>
        </main>
      </>
    );
  }
  const bounds = can(ctx, "map.view") ? (await getDistrictBounds({ ctx })).bounds : CHINA;
  return (
    <>
      {header}
      <main className="space-y-6 p-4">
        <PunchPanel initial={day} userId={ctx.actor.userId} bounds={bounds} />
        <PatrolRecorder initial={day.patrols} />
        <Link
          href="/m/attendance/days"
          className="block rounded-xl bg-white p-4 text-center text-sm font-semibold text-sky-700 ring-1 ring-slate-200"
          data-testid="link-my-days"
        >
          {attendanceDays.pages.linkFromPunch} ›
        </Link>
      </main>
    </>
  );
}

/** Where the map opens for a caller without a map area (it then frames the fences and the position). */
const CHINA: [number, number, number, number] = [73, 18, 135, 54];
