import "server-only";
import type { Database } from "../../db/client";
import { forgetCaseConfig } from "../case/case-config";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";

const e = caseDesk.config.errors;

/**
 * One configuration change: its writes and its audit row in one transaction; after the commit the
 * process's cached case configuration is dropped (lib/case/case-config.ts), so this process uses the new
 * values at once and the others within their reuse window. A unique violation (two rules for the same key)
 * becomes CONFLICT with `duplicateMessage`.
 */
export async function configChange<T>(
  ctx: RequestContext,
  work: (trx: Database) => Promise<T>,
  duplicateMessage?: string,
): Promise<T> {
  let result: T;
  try {
    result = await ctx.db.transaction().execute((trx) => work(trx));
  } catch (error) {
    if (duplicateMessage && (error as { code?: string } | null)?.code === "23505")
      throw new DomainError("CONFLICT", duplicateMessage, { cause: error });
    throw wrapDatabaseError(error);
  }
  forgetCaseConfig();
  return result;
}

/**
 * An update or delete naming `expectedVersion` matched nothing: the row changed since the editor read it
 * (CONFLICT, with the version now stored) or is gone (NOT_FOUND).
 */
export function staleOrGone(current: { version: number } | undefined, what: string = e.gone): never {
  if (!current) throw new DomainError("NOT_FOUND", what);
  throw new DomainError("CONFLICT", e.conflict(current.version), { details: { version: String(current.version) } });
}
