import "server-only";
import { z } from "zod";
import { isStaffWithinScope, listPatrolTracks } from "../../../db/queries/attendance-patrol";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError, parseInput } from "../../errors";
import { attendancePunch } from "../../i18n/zh-CN/attendance-punch";
import { recordPiiAccess } from "../../pii/record-pii-access";

const TracksSchema = z.object({ staffId: z.coerce.number().int().positive(), day: z.iso.date() });

export type PatrolTrackDto = {
  id: number;
  startedAt: string;
  endedAt: string | null;
  counted: boolean;
  insideShare: number | null;
  lengthM: number | null;
  regionName: string;
  grid: unknown;
  points: { at: string; lon: number; lat: number; accuracyM: number | null }[];
};

/**
 * A person's patrol tracks of a day for the replay on the console map (leads and HR: attendance.read, the person
 * inside the caller's area). Tracks are personal data: every read goes to the personal-data access log.
 */
export async function getPatrolTracks({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<PatrolTrackDto[]> {
  const scope = authorize(ctx, "attendance.read");
  const parsed = parseInput(TracksSchema, input);
  if (!(await isStaffWithinScope(ctx.db, parsed.staffId, scope)))
    throw new DomainError("NOT_FOUND", attendancePunch.errors.patrolNotFound);
  const tracks = await listPatrolTracks(ctx.db, parsed.staffId, parsed.day);
  await recordPiiAccess(ctx.db, ctx, { kind: "view", field: "track", staffId: parsed.staffId, rowCount: tracks.length });
  return tracks.map((t) => ({
    ...t,
    startedAt: new Date(t.startedAt).toISOString(),
    endedAt: t.endedAt ? new Date(t.endedAt).toISOString() : null,
  }));
}
