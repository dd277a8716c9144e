import "server-only";
import { findTimeLimitsForAdmin } from "../../db/queries/case-config-admin";
import { authorize } from "../auth/authorize";
import type { CaseLevel } from "../case/case-states";
import type { CaseStage, CaseUrgency } from "../case/time-limits";
import type { LimitUnit } from "../case/working-calendar";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import type { TimeLimitDto } from "./dto";

/** Every time-limit rule (case.configure): the default rows first, then the specific ones. */
export async function listTimeLimits({ ctx }: { ctx: RequestContext }): Promise<TimeLimitDto[]> {
  authorize(ctx, "case.configure");
  const rows = await findTimeLimitsForAdmin(ctx.db).catch((e) => {
    throw wrapDatabaseError(e);
  });
  return rows.map((r) => ({
    id: r.id,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    urgency: r.urgency as CaseUrgency,
    level: r.level as CaseLevel | null,
    stage: r.stage as CaseStage,
    amount: r.amount,
    unit: r.unit as LimitUnit,
    isDefault: r.categoryId === null && r.level === null,
    version: r.version,
    updatedAt: new Date(r.updatedAt).toISOString(),
  }));
}
