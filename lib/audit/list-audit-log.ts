import "server-only";
import { findAuditLog } from "../../db/queries/audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput, wrapDatabaseError } from "../errors";
import type { AuditEntry, LogPage } from "./dto";
import { ListAuditLogInput } from "./schemas";
import { auditActionName, auditEntityName } from "./audit-labels";
import { maskAuditValue } from "./mask-audit-values";
import { decodeStoredJson, summarizeChange } from "./summarize-change";

/**
 * The change audit (who changed what, before → after), newest first, with filters and keyset pages.
 * District-wide, for roles with "audit.read" only. Personal data typed into the audited values is shown masked.
 */
export async function listAuditLog({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: ListAuditLogInput;
}): Promise<LogPage<AuditEntry>> {
  authorize(ctx, "audit.read");
  const filter = parseInput(ListAuditLogInput, input);
  const rows = await findAuditLog(ctx.db, filter).catch((e) => {
    throw wrapDatabaseError(e);
  });
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((r) => {
      const before = maskAuditValue(decodeStoredJson(r.before));
      const after = maskAuditValue(decodeStoredJson(r.after));
      return {
        ...r,
        at: r.at.toISOString(),
        actionName: auditActionName(r.action),
        entityName: auditEntityName(r.entity),
        before,
        after,
        change: summarizeChange(before, after),
      };
    }),
    nextBefore: rows.length > filter.limit ? page[page.length - 1].id : null,
  };
}
