import "server-only";
import type { Database } from "../../db/client";
import { closeStaffJob, findOpenJob, insertStaffJob, rewriteStaffJob } from "../../db/queries/staff";
import { DomainError } from "../errors";
import { org } from "../i18n/zh-CN/org";

export type JobChange = {
  staffId: number;
  departmentId: number;
  positionId: number;
  rankId: number;
  /** The first day of the new job. */
  validFrom: string;
  reason: "hire" | "transfer" | "promotion" | "correction" | "import";
  note: string | null;
};

/**
 * Writes a change of department, position or rank into the effective-dated history (staff_job): the open
 * row ends the day before `validFrom` (valid_to = validFrom, exclusive) and a new open row begins; a change
 * effective on the day the open row began rewrites that row instead (one row per day, no empty period).
 * A change dated before the open row began is refused: history is corrected row by row, not rewritten.
 * The caller updates `staff` itself (its current columns) in the same transaction. Reused by transfers.
 */
export async function applyJobChange(db: Database, change: JobChange): Promise<{ jobId: number; replaced: boolean }> {
  const open = await findOpenJob(db, change.staffId);
  if (open && change.validFrom < open.validFrom) {
    throw new DomainError("VALIDATION", org.errors.effectiveBeforeJob, {
      details: { effectiveDate: org.errors.effectiveBeforeJob },
    });
  }
  if (open && change.validFrom === open.validFrom) {
    await rewriteStaffJob(db, open.id, change);
    return { jobId: open.id, replaced: true };
  }
  if (open) await closeStaffJob(db, open.id, change.validFrom);
  const jobId = await insertStaffJob(db, change);
  return { jobId, replaced: false };
}
