import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";

/** `path <@ scope`: the row's region lies inside the caller's area (ltree descendant-or-self). */
export function withinScope(path: Expression<unknown> | RawBuilder<unknown>, scopePath: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${path} <@ ${scopePath}::ltree`;
}
