import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { rethrowForPage } from "@/app/_lib/page-errors";
import { TrackReplay } from "@/components/attendance/track-replay";
import { buttonClass } from "@/components/ui/button";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { compactControlClass } from "@/components/ui/field";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { getPatrolReplay } from "@/lib/attendance/patrol/get-patrol-replay";
import { addDays, beijingDay } from "@/lib/format/time";
import { getDistrictBounds } from "@/lib/grid/get-district-bounds";
import { attendanceDays } from "@/lib/i18n/zh-CN/attendance-days";
import { attendancePunch } from "@/lib/i18n/zh-CN/attendance-punch";

const text = attendancePunch.tracks;
export const metadata: Metadata = { title: text.title };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * 巡查轨迹回放: one person's patrols of one day (person and day in the URL, reached from the team's month grid),
 * replayed on the map. Tracks are personal data: the verb logs the read.
 */
export default async function TrackReplayPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("attendance.read");
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const staff = one("staff");
  const day = one("day") ?? addDays(beijingDay(), -1);
  if (!staff)
    return (
      <ConsoleFrame>
        <PageBody testId="track-replay-page">
          <PageHeader title={text.title} />
          <EmptyState testId="track-replay-pick">
            {text.pickPerson}{" "}
            <Link href="/attendance/days" className="text-sky-700 underline">
              {text.openTeamDays}
            </Link>
          </EmptyState>
        </PageBody>
      </ConsoleFrame>
    );
  const replay = await getPatrolReplay({ ctx, input: { staffId: staff, day } }).catch(rethrowForPage);
  const district = await getDistrictBounds({ ctx });
  const dayLink = (d: string) => `/attendance/tracks?staff=${replay.staff.id}&day=${d}`;
  return (
    <ConsoleFrame
      back={{ href: `/attendance/days?month=${day.slice(0, 7)}`, label: attendanceDays.nav.days, testId: "back-to-days" }}
    >
      <PageBody testId="track-replay-page">
        <PageHeader
          title={text.title}
          intro={`${replay.staff.name} · ${replay.staff.staffNo} · ${replay.staff.departmentName}`}
        />
        <form method="get" action="/attendance/tracks" className="my-4 flex flex-wrap items-end gap-3">
          <input type="hidden" name="staff" value={replay.staff.id} />
          <Link href={dayLink(addDays(day, -1))} className={buttonClass("filter")} data-testid="replay-prev-day">
            ‹
          </Link>
          <label className="flex flex-col text-xs text-slate-500">
            {text.day}
            <input type="date" name="day" defaultValue={day} className={compactControlClass} data-testid="replay-day" />
          </label>
          <Link href={dayLink(addDays(day, 1))} className={buttonClass("filter")} data-testid="replay-next-day">
            ›
          </Link>
          <button type="submit" className={buttonClass("filter")}>
            {text.show}
          </button>
        </form>
        {replay.tracks.length === 0 ? (
          <EmptyState testId="replay-empty">{text.noTrack}</EmptyState>
        ) : (
          <TrackReplay tracks={replay.tracks} fallbackBounds={district.bounds} />
        )}
      </PageBody>
    </ConsoleFrame>
  );
}
