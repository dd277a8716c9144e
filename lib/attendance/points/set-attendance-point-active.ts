import "server-only";
import {
  findAttendancePointInScope,
  findAttendancePointMembers,
  setAttendancePointActive as setActiveRow,
} from "../../../db/queries/attendance-point";
import { bumpLayerVersions } from "../../../db/queries/layer-version";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError, parseInput, wrapDatabaseError } from "../../errors";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { pointSnapshot } from "./point-snapshot";
import { FENCE_LAYER } from "./save-attendance-point";
import { SetAttendancePointActiveInput } from "./schemas";

const e = attendancePoints.fence.errors;

/**
 * Deactivates an attendance point (or brings it back): an inactive fence no longer takes punches and leaves the
 * console map, but stays with the punches already judged against it — points are never deleted
 * (attendance.configure, optimistic on version, audited, fence tiles retired).
 */
export async function setAttendancePointActive({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: SetAttendancePointActiveInput;
}): Promise<{ id: number; version: number; active: boolean }> {
  const scope = authorize(ctx, "attendance.configure");
  const v = parseInput(SetAttendancePointActiveInput, input);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const before = await findAttendancePointInScope(trx, v.id, scope);
      if (!before) throw new DomainError("NOT_FOUND", e.notFound);
      const saved = before.version === v.expectedVersion ? await setActiveRow(trx, v.id, v.expectedVersion, v.active) : undefined;
      if (!saved) throw new DomainError("CONFLICT", e.conflict(before.version), { details: { version: String(before.version) } });
      const members = await findAttendancePointMembers(trx, v.id);
      await recordAudit(trx, ctx, {
        action: v.active ? "attendance_point.activate" : "attendance_point.deactivate",
        entity: "attendance_point",
        entityId: v.id,
        before: pointSnapshot(before, members),
        after: pointSnapshot({ ...before, active: v.active, version: saved.version }, members),
      });
      await bumpLayerVersions(trx, [FENCE_LAYER]);
      return { ...saved, active: v.active };
    });
  } catch (error) {
    throw wrapDatabaseError(error);
  }
}
