import "server-only";
import { findEscalationRulesForAdmin } from "../../db/queries/case-config-admin";
import { authorize } from "../auth/authorize";
import type { CaseLevel } from "../case/case-states";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import type { EscalationRuleDto } from "./dto";

/** The escalation ladder's rules, grid first (case.configure). */
export async function listEscalationRules({ ctx }: { ctx: RequestContext }): Promise<EscalationRuleDto[]> {
  authorize(ctx, "case.configure");
  const rows = await findEscalationRulesForAdmin(ctx.db).catch((e) => {
    throw wrapDatabaseError(e);
  });
  return rows.map((r) => ({
    level: r.level as CaseLevel,
    autoOnRed: r.autoOnRed,
    notifyLevel: r.notifyLevel as CaseLevel,
    motto: r.motto,
    version: r.version,
    updatedAt: new Date(r.updatedAt).toISOString(),
  }));
}
