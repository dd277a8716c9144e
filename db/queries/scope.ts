import { sql, type Expression, type RawBuilder, type SqlBool, type Transaction } from "kysely";
import { scopeLiteral, type Scope } from "../../lib/auth/scope";
import type { Database } from "../client";
import type { DB } from "../types";

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
