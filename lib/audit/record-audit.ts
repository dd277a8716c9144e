import "server-only";
import { sql } from "kysely";
import type { Database } from "../../db/client";
import type { RequestContext } from "../context";

export type AuditEntry = {
  /** What happened, verb-like and stable: "account.create", "account.disable", "password.change" … */
  action: string;
  /** The kind of thing changed ("app_user", "resident" …) and its id. */
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Writes one audit row (who, what, before/after, when). Call it with the transaction that makes the
 * change, so the change and its audit row commit or fail together. Secrets (password hashes, tokens)
 * must be left out of before/after by the caller.
 */
export async function recordAudit(
  trx: Database,
  ctx: Pick<RequestContext, "actor" | "clientAddress">,
  entry: AuditEntry,
): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      actor_user_id: ctx.actor.userId,
      actor_name: `${ctx.actor.displayName}（${ctx.actor.username}）`,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      // Sent as text and cast once: a JS string bound to jsonb directly would be stored as a JSON string.
      before: entry.before === undefined ? null : sql<string>`${JSON.stringify(entry.before)}::text::jsonb`,
      after: entry.after === undefined ? null : sql<string>`${JSON.stringify(entry.after)}::text::jsonb`,
      address: ctx.clientAddress,
    })
    .execute();
}
