import "server-only";
import type { Database } from "../../../db/client";
import {
  departmentIdsInScope,
  findAttendancePointInScope,
  findAttendancePointMembers,
  insertAttendancePoint,
  replaceAttendancePointMembers,
  staffIdsInScope,
  updateAttendancePoint,
  type AttendancePointValues,
} from "../../../db/queries/attendance-point";
import { bumpLayerVersions } from "../../../db/queries/layer-version";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import type { Scope } from "../../auth/scope";
import type { RequestContext } from "../../context";
import { DomainError, parseInput, wrapDatabaseError } from "../../errors";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { checkFenceShape } from "./check-fence-shape";
import { pointSnapshot } from "./point-snapshot";
import { SaveAttendancePointInput } from "./schemas";

const e = attendancePoints.fence.errors;

/** The tile layer the fences are drawn from: every change retires its cached tiles. */
export const FENCE_LAYER = "fence";

/**
 * Draws a new attendance point (no id) or changes one (id + expectedVersion): name, region, the fence (a
 * polygon, or a circle kept as centre + radius with its polygon computed by PostGIS) and whom it serves
 * (attendance.configure). The existing point's region and the new one must both lie in the caller's area, the
 * fence must pass PostGIS's checks (fence-rules.ts), and the members must lie in the area too. One transaction
 * holds the change, its audit row and the bump of the fence tile layer.
 */
export async function saveAttendancePoint({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: SaveAttendancePointInput;
}): Promise<{ id: number; version: number }> {
  const scope = authorize(ctx, "attendance.configure");
  const v = parseInput(SaveAttendancePointInput, input);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const before = v.id !== undefined ? await findAttendancePointInScope(trx, v.id, scope) : undefined;
      if (v.id !== undefined) {
        if (!before) throw new DomainError("NOT_FOUND", e.notFound);
        if (before.version !== v.expectedVersion)
          throw new DomainError("CONFLICT", e.conflict(before.version), { details: { version: String(before.version) } });
      }
      const membersBefore = before ? await findAttendancePointMembers(trx, before.id) : [];
      const inspection = await checkFenceShape(trx, scope, v.regionId, v.fence);
      await checkMembers(trx, scope, v.staffIds, v.departmentIds);
      const values: AttendancePointValues = {
        name: v.name,
        regionId: v.regionId,
        shape: v.fence.shape,
        geomHex: inspection.geomHex,
        center: v.fence.shape === "circle" ? v.fence.center : null,
        radiusM: v.fence.shape === "circle" ? v.fence.radiusM : null,
      };
      const saved =
        v.id === undefined
          ? await insertAttendancePoint(trx, values, ctx.actor.userId)
          : await updateAttendancePoint(trx, v.id, v.expectedVersion!, values);
      if (!saved) throw new DomainError("CONFLICT", e.conflict(before!.version));
      await replaceAttendancePointMembers(trx, saved.id, [...new Set(v.staffIds)], [...new Set(v.departmentIds)]);
      const after = await findAttendancePointInScope(trx, saved.id, scope);
      await recordAudit(trx, ctx, {
        action: before ? "attendance_point.update" : "attendance_point.create",
        entity: "attendance_point",
        entityId: saved.id,
        before: before ? pointSnapshot(before, membersBefore) : undefined,
        after: pointSnapshot(after!, await findAttendancePointMembers(trx, saved.id)),
      });
      await bumpLayerVersions(trx, [FENCE_LAYER]);
      return saved;
    });
  } catch (error) {
    throw wrapDatabaseError(error);
  }
}

async function checkMembers(trx: Database, scope: Scope, staffIds: number[], departmentIds: number[]) {
  const staff = new Set(await staffIdsInScope(trx, staffIds, scope));
  const departments = new Set(await departmentIdsInScope(trx, departmentIds, scope));
  if (staffIds.some((id) => !staff.has(id)) || departmentIds.some((id) => !departments.has(id)))
    throw new DomainError("VALIDATION", e.memberOutside, { details: { members: e.memberOutside } });
}
