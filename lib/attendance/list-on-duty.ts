import "server-only";
import { z } from "zod";
import { countOnDutyByRegion, listOnDutyPoints } from "../../db/queries/attendance-on-duty";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput } from "../errors";
import { recordPiiAccess } from "../pii/record-pii-access";
import { beijingDayOf } from "./punch/punch-timing";

const OnDutySchema = z.object({
  /** Count per region of this level: 0 district, 1 street (default), 2 community, 3 小区, 4 basic grid. */
  level: z.coerce.number().int().min(0).max(4).default(1),
  /** Also the last known position of each person on duty (attendance.read only; the read is logged). */
  points: z.coerce.boolean().default(false),
});

export type OnDuty = {
  day: string;
  at: string;
  total: number;
  regions: { regionId: number; regionName: string; onDuty: number }[];
  /** Null when not asked for. */
  points: { staffId: number; name: string; since: string; at: string; lon: number; lat: number }[] | null;
};

/** The most positions one answer carries (a district has ~4,000 staff). */
const POINTS_LIMIT = 5000;

/**
 * 在岗人员 now (for the big screen): the people of the caller's area punched in and not out today, counted per region;
 * with `points`, where each stands (their last punch or patrol point today) — personal data, so only for
 * attendance.read, and the read goes to the personal-data access log.
 */
export async function listOnDuty({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<OnDuty> {
  const scope = authorize(ctx, "attendance.read");
  const parsed = parseInput(OnDutySchema, input ?? {});
  const now = new Date();
  const day = beijingDayOf(now);
  const regions = await countOnDutyByRegion(ctx.db, { day, scope, level: parsed.level });
  let points: OnDuty["points"] = null;
  if (parsed.points) {
    const rows = await listOnDutyPoints(ctx.db, { day, scope, limit: POINTS_LIMIT });
    await recordPiiAccess(ctx.db, ctx, { kind: "view", field: "position", rowCount: rows.length });
    points = rows.map((r) => ({
      staffId: r.staffId,
      name: r.name,
      since: new Date(r.since).toISOString(),
      at: new Date(r.at).toISOString(),
      lon: r.lon,
      lat: r.lat,
    }));
  }
  return { day, at: now.toISOString(), total: regions.reduce((n, r) => n + r.onDuty, 0), regions, points };
}
