import "server-only";
import type { Database } from "../../db/client";
import { findGridGaps, type GridGapRow } from "../../db/queries/grid-post";
import {
  addRoleAssignment,
  addUnitMembership,
  deleteRoleAssignment,
  deleteUnitMembership,
  endGridPosts,
  findFullTimeHolder,
  findPlansAfter,
  findRoleAssignments,
  findUnitMemberships,
  insertGridPost,
  moveStaffJob,
  touchAccount,
  updateStaffPlacement,
} from "../../db/queries/transfer-apply";
import {
  type GridRole,
  findDepartmentFacts,
  findRegionFacts,
  findStaffPlacement,
  findTransferForUpdate,
  markTransferApplied,
  recordTransferApplyError,
} from "../../db/queries/transfer";
import { recordAudit } from "../audit/record-audit";
import type { RequestContext } from "../context";
import { DomainError, isDomainError } from "../errors";
import { beijingDay } from "../format/time";
import { t } from "../i18n";
import { isDue } from "./rules";
import { derivedSignIn, sameSignIn, type SignInPlacement } from "./sign-in-role";

export type ApplyOutcome =
  { transferId: number; applied: true; gaps: GridGapRow[] } | { transferId: number; applied: false; error: string | null };

type Actor = Pick<RequestContext, "actor" | "clientAddress">;

/** PostgreSQL's exclusion violation: the database refused a second 专职网格员 on one grid. */
function isExclusionViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "23P01";
}

/**
 * Applies one approved transfer whose effective (Beijing) day has come, in one transaction: the job history
 * moves (old staff_job closed, new one opened), the grid posts move (old ones ended, the new one begun), the
 * person's current department and position change, and their sign-in assignment follows the post
 * (sign-in-role.ts: the assignment the old placement gave is replaced by the new one's; nothing else is
 * revoked). Audited. When the database or a rule refuses (the target grid already has its 专职网格员), nothing
 * moves: the transfer stays approved with the reason recorded and shown, and the next run tries again.
 * A transfer that is not approved or not yet due is left alone (applied: false, error: null).
 */
export async function applyTransfer(
  db: Database,
  actor: Actor,
  transferId: number,
  today: string = beijingDay(),
): Promise<ApplyOutcome> {
  try {
    return await db.transaction().execute((trx) => applyInTransaction(trx, actor, transferId, today));
  } catch (error) {
    const message = isDomainError(error)
      ? error.message
      : isExclusionViolation(error)
        ? t.transfer.errors.fullTimeTakenByDatabase
        : null;
    if (message === null) throw error;
    await db.transaction().execute(async (trx) => {
      await recordTransferApplyError(trx, transferId, message);
      await recordAudit(trx, actor, {
        action: "transfer.apply_failed",
        entity: "transfer",
        entityId: transferId,
        after: { error: message },
      });
    });
    return { transferId, applied: false, error: message };
  }
}

async function applyInTransaction(trx: Database, actor: Actor, transferId: number, today: string): Promise<ApplyOutcome> {
  const row = await findTransferForUpdate(trx, transferId);
  if (!row || row.state !== "approved" || !isDue(row.effectiveDate, today)) return { transferId, applied: false, error: null };
  const day = row.effectiveDate;
  const staff = await findStaffPlacement(trx, row.staffId, day, { forUpdate: true });
  if (!staff) throw new DomainError("NOT_FOUND", t.transfer.errors.staffNotFound);
  const [fromDepartment, toDepartment] = await Promise.all([
    findDepartmentFacts(trx, staff.departmentId),
    findDepartmentFacts(trx, row.toDepartmentId),
  ]);
  if (!toDepartment || !fromDepartment) throw new DomainError("NOT_FOUND", t.transfer.errors.departmentNotFound);
  const toRegion = row.toRegionId !== null ? await findRegionFacts(trx, row.toRegionId) : undefined;
  const fromRegion = staff.post ? await findRegionFacts(trx, staff.post.regionId) : undefined;

  if (toRegion && row.toGridRole === "full_time") {
    const holder = await findFullTimeHolder(trx, toRegion.id, day, staff.id);
    if (holder) throw new DomainError("CONFLICT", t.transfer.errors.fullTimeTaken(toRegion.name, holder.name));
  }

  if (await findPlansAfter(trx, staff.id, day)) throw new DomainError("CONFLICT", t.transfer.errors.plansAfter);

  const note = t.transfer.jobNote(row.id);
  await moveStaffJob(trx, staff.id, day, {
    departmentId: toDepartment.id,
    positionId: row.toPositionId,
    rankId: staff.rankId,
    note,
  });
  const endedPosts = await endGridPosts(trx, staff.id, day);
  if (toRegion && row.toGridRole) await insertGridPost(trx, staff.id, toRegion.id, row.toGridRole, day);
  await updateStaffPlacement(trx, staff.id, toDepartment.id, row.toPositionId);

  const signIn =
    staff.userId !== null
      ? await moveSignIn(trx, staff.userId, {
          from: {
            post:
              staff.post && fromRegion
                ? { regionId: fromRegion.id, regionLevel: fromRegion.level, gridRole: staff.post.gridRole }
                : null,
            department: { kind: fromDepartment.kind, regionId: fromDepartment.regionId, caseUnitId: fromDepartment.caseUnitId },
          },
          to: {
            post:
              toRegion && row.toGridRole
                ? { regionId: toRegion.id, regionLevel: toRegion.level, gridRole: row.toGridRole }
                : null,
            department: { kind: toDepartment.kind, regionId: toDepartment.regionId, caseUnitId: toDepartment.caseUnitId },
          },
        })
      : null;

  await markTransferApplied(trx, row.id);
  const gaps = await gridsLeftEmpty(trx, endedPosts, day);
  await recordAudit(trx, actor, {
    action: "transfer.apply",
    entity: "transfer",
    entityId: row.id,
    before: {
      departmentId: staff.departmentId,
      positionId: staff.positionId,
      posts: endedPosts,
      ...(signIn ? { assignments: signIn.before, units: signIn.unitsBefore } : {}),
    },
    after: {
      departmentId: toDepartment.id,
      positionId: row.toPositionId,
      post: toRegion ? { regionId: toRegion.id, gridRole: row.toGridRole } : null,
      effectiveDate: day,
      ...(signIn ? { assignments: signIn.after, units: signIn.unitsAfter } : {}),
      ...(gaps.length ? { gridsWithoutFullTime: gaps.map((g) => g.regionId) } : {}),
    },
  });
  return { transferId, applied: true, gaps };
}

/** Replaces the sign-in assignment (and case unit) the old placement gave by the new one's; nothing else. */
async function moveSignIn(trx: Database, userId: number, p: { from: SignInPlacement; to: SignInPlacement }) {
  const before = await findRoleAssignments(trx, userId);
  const unitsBefore = await findUnitMemberships(trx, userId);
  const oldSignIn = derivedSignIn(p.from);
  const newSignIn = derivedSignIn(p.to);
  if (!sameSignIn(oldSignIn, newSignIn)) {
    if (oldSignIn) {
      await deleteRoleAssignment(trx, userId, oldSignIn);
      if (oldSignIn.caseUnitId !== null && oldSignIn.caseUnitId !== newSignIn?.caseUnitId)
        await deleteUnitMembership(trx, userId, oldSignIn.caseUnitId);
    }
    if (newSignIn) {
      await addRoleAssignment(trx, userId, newSignIn);
      if (newSignIn.caseUnitId !== null) await addUnitMembership(trx, userId, newSignIn.caseUnitId);
    }
    await touchAccount(trx, userId);
  }
  return {
    before,
    unitsBefore,
    after: await findRoleAssignments(trx, userId),
    unitsAfter: await findUnitMemberships(trx, userId),
  };
}

/** The grids whose 专职网格员 post the transfer ended and that nobody holds from that day (org's gap query). */
async function gridsLeftEmpty(
  trx: Database,
  ended: { regionId: number; gridRole: GridRole }[],
  day: string,
): Promise<GridGapRow[]> {
  const paths: string[] = [];
  for (const post of ended.filter((p) => p.gridRole === "full_time")) {
    const region = await findRegionFacts(trx, post.regionId);
    if (region) paths.push(region.path);
  }
  if (paths.length === 0) return [];
  return (await findGridGaps(trx, paths, day, day, 50)).filter((g) => g.kind === "vacant");
}
