import { sql, type Expression, type RawBuilder, type SqlBool, type Transaction } from "kysely";
import type { Database } from "../client";
import type { DB } from "../types";

/**
 * An area scope: the ltree paths of the regions whose subtrees the caller may see for one action.
 * Never nested (a path inside another is dropped) and never empty when handed to a query. The rules that
 * build and compare scopes are lib/auth/scope.ts; here is only what SQL needs of them.
 */
export type Scope = readonly string[];

const LTREE_PATH = /^[0-9]{1,18}(\.[0-9]{1,18}){0,5}$/;

export function isRegionPath(value: string): boolean {
  return LTREE_PATH.test(value);
}

/**
 * The scope as a PostgreSQL ltree[] literal ("{a.b,c.d}"). Paths are checked to be digits and dots,
 * so the literal cannot carry anything else; it is always sent as a bound parameter anyway.
 */
export function scopeLiteral(scope: Scope): string {
  for (const p of scope) if (!isRegionPath(p)) throw new Error(`invalid region path in scope: ${JSON.stringify(p)}`);
  return `{${scope.join(",")}}`;
}

/** `path <@ scope`: the row's region lies inside one of the scope's regions (ltree descendant-or-self). */
export function withinScope(path: Expression<unknown> | RawBuilder<unknown>, scope: Scope): RawBuilder<SqlBool> {
  return sql<SqlBool>`${path} <@ ${scopeLiteral(scope)}::ltree[]`;
}

/**
 * Runs `work` in a transaction whose row-level-security scope (`gridatlas.scope`, read by the policies
 * on room, household and resident) is the caller's area. Rooms and people are invisible outside it
 * even if a query forgot its own filter. The setting ends with the transaction.
 */
export async function inScope<T>(db: Database, scope: Scope, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('gridatlas.scope', ${scopeLiteral(scope)}, true)`.execute(trx);
    return work(trx);
  });
}
