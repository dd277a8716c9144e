import { sql } from "kysely";
import type { Connection } from "../../db/client";

/*
 * Where a test organisation goes: two communities of one street, the first with a 小区 of at least three basic
 * grids. No server-only imports, so the e2e specs (outside Next) can use it too.
 */

export type OrgChain = {
  district: number;
  street: number;
  communityA: number;
  communityB: number;
  xiaoquA: number;
  gridsA: number[];
};

/** Two communities of one street, the first with a 小区 and its basic grids (ids of the regions). */
export async function orgRegions(owner: Connection): Promise<OrgChain> {
  const { rows } = await sql<{ district: number; street: number; community: number; xiaoqu: number; grids: number[] }>`
    select d.id as district, s.id as street, c.id as community, x.id as xiaoqu,
           array(select g.id from region g where g.parent_id = x.id and g.level = 4 order by g.code) as grids
      from region x join region c on c.id = x.parent_id join region s on s.id = c.parent_id join region d on d.id = s.parent_id
     where x.level = 3 and (select count(*) from region g where g.parent_id = x.id and g.level = 4) >= 3
     order by x.code`.execute(owner.db);
  const first = rows[0];
  const other =
    rows.find((r) => r.street === first.street && r.community !== first.community) ??
    rows.find((r) => r.community !== first.community)!;
  return {
    district: first.district,
    street: first.street,
    communityA: first.community,
    communityB: other.community,
    xiaoquA: first.xiaoqu,
    gridsA: first.grids,
  };
}
