import "server-only";
import { findRegionOptions } from "../../db/queries/account";
import { authorize } from "../auth/authorize";
import { ROLE_REGION_LEVEL } from "../auth/roles";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import { levelNameOf } from "../grid/dto";
import type { RegionOption } from "./dto";
import { parseAccountInput } from "./rules";
import { RegionOptionsInput } from "./schemas";

/**
 * The account form's region picker: regions inside the administrator's area matching a name or code,
 * only at the level the chosen role needs (ROLE_REGION_LEVEL) when a role is given.
 */
export async function listRegionOptions({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: RegionOptionsInput;
}): Promise<RegionOption[]> {
  const scope = authorize(ctx, "account.manage");
  const { q, role, limit } = parseAccountInput(RegionOptionsInput, input);
  const level = role ? ROLE_REGION_LEVEL[role] : null;
  const rows = await findRegionOptions(ctx.db, { scope, q, level, limit }).catch((e) => {
    throw wrapDatabaseError(e);
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    levelName: levelNameOf(r.level, r.kind),
    parentName: r.parentName,
  }));
}
