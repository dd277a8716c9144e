import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import { scopeLiteral, type Scope } from "./scope";

/**
 * Whether a person (the staff row's id) belongs to an area: their department lies in it, or they hold a grid
 * post in force today inside it (a 专职网格员 of a community's grid office is seen by the 小区网格长 above the
 * grid they walk). The one definition every staff and attendance query uses for "the people of my area".
 */
export function staffWithinScope(staffId: Expression<unknown> | RawBuilder<unknown>, scope: Scope): RawBuilder<SqlBool> {
  const paths = scopeLiteral(scope);
  return sql<SqlBool>`(
    exists (select 1 from staff s_ join department d_ on d_.id = s_.department_id join region r_ on r_.id = d_.region_id
            where s_.id = ${staffId} and r_.path <@ ${paths}::ltree[])
    or exists (select 1 from grid_post p_ join region r_ on r_.id = p_.region_id
               where p_.staff_id = ${staffId} and p_.valid_from <= current_date and (p_.valid_to is null or p_.valid_to > current_date)
                 and r_.path <@ ${paths}::ltree[]))`;
}
