import "server-only";
import { findPatrol, type PatrolHead } from "../../../db/queries/attendance-patrol";
import type { PunchingStaff } from "../../../db/queries/attendance-punch";
import type { RequestContext } from "../../context";
import { DomainError } from "../../errors";
import { attendancePunch } from "../../i18n/zh-CN/attendance-punch";
import { requireOwnStaff } from "../punch/record-punch";

/** One's own patrol, still open: another person's patrol is not found (404), an ended one is a conflict. */
export async function requireOwnOpenPatrol(
  ctx: RequestContext,
  patrolId: number,
): Promise<{ staff: PunchingStaff; patrol: PatrolHead }> {
  const staff = await requireOwnStaff(ctx);
  const patrol = await findPatrol(ctx.db, patrolId);
  if (!patrol || patrol.staffId !== staff.id) throw new DomainError("NOT_FOUND", attendancePunch.errors.patrolNotFound);
  if (patrol.endedAt) throw new DomainError("CONFLICT", attendancePunch.errors.patrolEnded);
  return { staff, patrol };
}
