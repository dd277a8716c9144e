import "server-only";
import { findPatrolGrid, insertPatrol } from "../../../db/queries/attendance-patrol";
import type { RequestContext } from "../../context";
import { DomainError } from "../../errors";
import { attendancePunch } from "../../i18n/zh-CN/attendance-punch";
import { beijingDayOf } from "../punch/punch-timing";
import { requireOwnStaff } from "../punch/record-punch";
import { PATROL_SETTINGS } from "./patrol-rule";

export type StartedPatrol = { patrolId: number; regionId: number; regionName: string; intervalSeconds: number };

/** 开始巡查: opens a patrol of the caller's grid (their grid post today) at the server's time. */
export async function startPatrol({ ctx }: { ctx: RequestContext }): Promise<StartedPatrol> {
  const staff = await requireOwnStaff(ctx);
  const startedAt = new Date();
  const day = beijingDayOf(startedAt);
  const grid = await findPatrolGrid(ctx.db, staff.id, day);
  if (!grid) throw new DomainError("UNPROCESSABLE", attendancePunch.errors.noGrid);
  const { id } = await insertPatrol(ctx.db, { staffId: staff.id, regionId: grid.regionId, startedAt, day });
  return {
    patrolId: id,
    regionId: grid.regionId,
    regionName: grid.regionName,
    intervalSeconds: PATROL_SETTINGS.pointIntervalSeconds,
  };
}
