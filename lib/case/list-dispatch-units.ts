import "server-only";
import { findCasePath, findUnitsServing } from "../../db/queries/case-read";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import type { UnitOption } from "./case-dto";
import { CaseIdSchema } from "./schemas";

/** The units a case can be dispatched to (the district's departments, its street office and community station). */
export async function listDispatchUnits({ ctx, caseId }: { ctx: RequestContext; caseId: unknown }): Promise<UnitOption[]> {
  const scope = authorize(ctx, "case.act");
  const id = parseInput(CaseIdSchema, caseId);
  return inScope(ctx.db, scope, async (trx) => {
    const path = await findCasePath(trx, id);
    if (path === null) throw new DomainError("NOT_FOUND", caseLoop.errors.caseNotFound);
    const units = await findUnitsServing(trx, path);
    return units.map((u) => ({ id: u.id, name: u.name, kind: u.kind as UnitOption["kind"] }));
  });
}
