import "server-only";
import {
  findDepartmentFacts,
  findOpenTransferOfStaff,
  findPositionFacts,
  findRegionFacts,
  findStaffAreaPaths,
  findStaffPlacement,
  findTransferIdByRequest,
  insertTransfer,
} from "../../db/queries/transfer";
import { isUniqueViolation } from "../account/rules";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { t } from "../i18n";
import { effectiveDateProblem, gridRoleFitsLevel, isSamePlace } from "./rules";
import { RequestTransferInput } from "./schemas";

const text = t.transfer.errors;

/**
 * HR asks for a transfer (调动) of a person of its area: from where they are now to a department, position and
 * grid post (or none) of its area, with a reason and an effective day. The same form sent twice (same
 * requestId) makes one transfer; a person has at most one open transfer at a time.
 */
export async function requestTransfer({
  ctx,
  input,
  today = beijingDay(),
}: {
  ctx: RequestContext;
  input: RequestTransferInput;
  today?: string;
}): Promise<{ transferId: number; replayed: boolean }> {
  const scope = authorize(ctx, "transfer.request");
  const i = parseInput(RequestTransferInput, input);
  const dateProblem = effectiveDateProblem(i.effectiveDate, today);
  if (dateProblem) throw new DomainError("VALIDATION", dateProblem, { details: { effectiveDate: dateProblem } });
  if ((i.toRegionId === undefined) !== (i.toGridRole === undefined))
    throw new DomainError("VALIDATION", text.gridRoleNeedsRegion, { details: { toRegionId: text.gridRoleNeedsRegion } });

  const run = () =>
    ctx.db.transaction().execute(async (trx) => {
      const existing = await findTransferIdByRequest(trx, i.requestId);
      if (existing !== undefined) return { transferId: existing, replayed: true };

      const staffPaths = await findStaffAreaPaths(trx, i.staffId);
      if (!staffPaths.some((p) => scopeContains(scope, p))) throw new DomainError("NOT_FOUND", text.staffNotFound);
      const staff = await findStaffPlacement(trx, i.staffId, today, { forUpdate: true });
      if (!staff) throw new DomainError("NOT_FOUND", text.staffNotFound);
      // Checked again under the person's lock: a copy of this form that held it has committed by now.
      const replay = await findTransferIdByRequest(trx, i.requestId);
      if (replay !== undefined) return { transferId: replay, replayed: true };
      if (staff.leaveDate !== null && staff.leaveDate <= today) throw new DomainError("UNPROCESSABLE", text.staffLeft);
      if (staff.version !== i.staffVersion) throw new DomainError("CONFLICT", text.staleStaff);

      const department = await findDepartmentFacts(trx, i.toDepartmentId);
      if (!department || !scopeContains(scope, department.regionPath))
        throw new DomainError("NOT_FOUND", text.departmentNotFound);
      const position = await findPositionFacts(trx, i.toPositionId);
      if (!position) throw new DomainError("NOT_FOUND", text.positionNotFound);
      let toPost: { regionId: number; gridRole: "grid_head" | "full_time" | "part_time" } | null = null;
      if (i.toRegionId !== undefined && i.toGridRole !== undefined) {
        const region = await findRegionFacts(trx, i.toRegionId);
        if (!region || !scopeContains(scope, region.path)) throw new DomainError("NOT_FOUND", text.regionNotFound);
        if (!gridRoleFitsLevel(i.toGridRole, region.level)) {
          const message = text.gridRoleLevel(t.transfer.gridRoles[i.toGridRole]);
          throw new DomainError("VALIDATION", message, { details: { toRegionId: message } });
        }
        if (!scopeContains([department.regionPath], region.path))
          throw new DomainError("VALIDATION", text.regionOutsideDepartment, {
            details: { toRegionId: text.regionOutsideDepartment },
          });
        toPost = { regionId: region.id, gridRole: i.toGridRole };
      }

      const from = { departmentId: staff.departmentId, positionId: staff.positionId, post: staff.post };
      const to = { departmentId: department.id, positionId: position.id, post: toPost };
      if (isSamePlace(from, to)) throw new DomainError("UNPROCESSABLE", text.sameAsNow);
      if ((await findOpenTransferOfStaff(trx, staff.id)) !== undefined)
        throw new DomainError("CONFLICT", text.openTransferExists);

      const values = {
        staffId: staff.id,
        fromDepartmentId: staff.departmentId,
        fromPositionId: staff.positionId,
        fromRegionId: staff.post?.regionId ?? null,
        fromGridRole: staff.post?.gridRole ?? null,
        toDepartmentId: department.id,
        toPositionId: position.id,
        toRegionId: toPost?.regionId ?? null,
        toGridRole: toPost?.gridRole ?? null,
        reason: i.reason,
        effectiveDate: i.effectiveDate,
        requestId: i.requestId,
        requestedBy: ctx.actor.userId,
        requestedByName: ctx.actor.displayName,
      };
      const transferId = await insertTransfer(trx, values);
      await recordAudit(trx, ctx, { action: "transfer.request", entity: "transfer", entityId: transferId, after: values });
      return { transferId, replayed: false };
    });
  try {
    return await run();
  } catch (error) {
    // The same form committed between our replay check and our insert: answer with the first one.
    if (isUniqueViolation(error)) {
      const existing = await findTransferIdByRequest(ctx.db, i.requestId);
      if (existing !== undefined) return { transferId: existing, replayed: true };
      throw new DomainError("CONFLICT", text.openTransferExists, { cause: error });
    }
    throw wrapDatabaseError(error);
  }
}
