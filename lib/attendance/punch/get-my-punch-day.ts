import "server-only";
import { countPatrolsOfDay, findPatrolGrid } from "../../../db/queries/attendance-patrol";
import { listPunchesOfDay, listServingFences, type ServingFence } from "../../../db/queries/attendance-punch";
import type { RequestContext } from "../../context";
import { PATROL_SETTINGS } from "../patrol/patrol-rule";
import { ACCURACY_ALLOWANCE_CAP_M } from "./fence-verdict";
import { resolvePunchRule } from "./punch-rule";
import { beijingDayOf } from "./punch-timing";
import { requireOwnStaff, toPunchDto, type PunchDto } from "./record-punch";

export type MyPunchDay = {
  staffName: string;
  day: string;
  serverNow: string;
  /** none | in (punched in, not out since) | out */
  status: "none" | "in" | "out";
  punches: PunchDto[];
  fences: ServingFence[];
  rule: { maxAccuracyM: number; allowOutsideWithReason: boolean; accuracyCapM: number };
  /** Patrols counted today against the rule's 一日双巡, and how often the phone records a track point. */
  patrols: { done: number; required: number; intervalSeconds: number; gridName: string | null };
};

/** The phone page's day: one's own punches of today (Beijing), the fences serving one, and the rule's limits. */
export async function getMyPunchDay({ ctx }: { ctx: RequestContext }): Promise<MyPunchDay> {
  const staff = await requireOwnStaff(ctx);
  const now = new Date();
  const day = beijingDayOf(now);
  const [punches, fences, rule, done, grid] = await Promise.all([
    listPunchesOfDay(ctx.db, staff.id, day),
    listServingFences(ctx.db, staff.id),
    resolvePunchRule(ctx.db, staff.id, day),
    countPatrolsOfDay(ctx.db, staff.id, day),
    findPatrolGrid(ctx.db, staff.id, day),
  ]);
  const last = punches.at(-1);
  return {
    staffName: staff.name,
    day,
    serverNow: now.toISOString(),
    status: last ? last.kind : "none",
    punches: punches.map(toPunchDto),
    fences,
    patrols: {
      done,
      required: rule.requiredPatrols,
      intervalSeconds: PATROL_SETTINGS.pointIntervalSeconds,
      gridName: grid?.regionName ?? null,
    },
    rule: {
      maxAccuracyM: rule.maxAccuracyM,
      allowOutsideWithReason: rule.allowOutsideWithReason,
      accuracyCapM: ACCURACY_ALLOWANCE_CAP_M,
    },
  };
}
