import "server-only";
import { findStaffLabel } from "../../../db/queries/attendance-patrol";
import type { RequestContext } from "../../context";
import { DomainError } from "../../errors";
import { attendancePunch } from "../../i18n/zh-CN/attendance-punch";
import { getPatrolTracks, type PatrolTrackDto } from "./get-patrol-tracks";

export type PatrolReplayDto = {
  staff: { id: number; staffNo: string; name: string; departmentName: string };
  day: string;
  tracks: PatrolTrackDto[];
};

/**
 * The replay page's data: the person's tracks of the day (scope, permission and the personal-data log are
 * getPatrolTracks') and who the person is, read only after the tracks verb has admitted the caller.
 */
export async function getPatrolReplay({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: { staffId: unknown; day: unknown };
}): Promise<PatrolReplayDto> {
  const tracks = await getPatrolTracks({ ctx, input });
  const staffId = Number(input.staffId);
  const label = await findStaffLabel(ctx.db, staffId);
  if (!label) throw new DomainError("NOT_FOUND", attendancePunch.errors.patrolNotFound);
  return { staff: { id: staffId, ...label }, day: String(input.day), tracks };
}
