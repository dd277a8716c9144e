import "server-only";
import { findDepartmentFacts, findPostRegions } from "../../db/queries/transfer";
import { authorize } from "../auth/authorize";
import { scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { idSchema } from "../id";
import { t } from "../i18n";
import { z } from "zod";

const Input = z.object({ departmentId: idSchema(t.transfer.errors.departmentNotFound, "int4") });

/** The grids a post in a department can be on (its region's subtree, within the caller's area), for the form. */
export async function listPostRegions({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: z.input<typeof Input>;
}): Promise<{ regions: { id: number; label: string; level: number }[] }> {
  const scope = authorize(ctx, "transfer.request");
  const { departmentId } = parseInput(Input, input);
  const department = await findDepartmentFacts(ctx.db, departmentId);
  if (!department || !scopeContains(scope, department.regionPath))
    throw new DomainError("NOT_FOUND", t.transfer.errors.departmentNotFound);
  const rows = await findPostRegions(ctx.db, department.regionPath, scope);
  return { regions: rows.map((r) => ({ id: r.id, level: r.level, label: `${r.name}（${t.transfer.levels[r.level] ?? ""}）` })) };
}
