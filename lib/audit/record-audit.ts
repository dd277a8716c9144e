import "server-only";
import type { Database } from "../../db/client";
import { insertAuditRow } from "../../db/queries/audit";
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
  await insertAuditRow(trx, {
    actorUserId: ctx.actor.userId,
    actorName: `${ctx.actor.displayName}（${ctx.actor.username}）`,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before,
    after: entry.after,
    address: ctx.clientAddress,
  });
}
