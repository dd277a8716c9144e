import "server-only";
import { findPiiAccessLog } from "../../db/queries/audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput, wrapDatabaseError } from "../errors";
import { t } from "../i18n";
import type { LogPage, PiiAccessEntry } from "./dto";
import { ListPiiAccessLogInput } from "./schemas";

/**
 * The personal-data access log (who saw whose data, which field, why), newest first, with filters and
 * keyset pages. District-wide: the log is for auditors, and only roles with "audit.read" may read it.
 */
export async function listPiiAccessLog({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: ListPiiAccessLogInput;
}): Promise<LogPage<PiiAccessEntry>> {
  authorize(ctx, "audit.read");
  const filter = parseInput(ListPiiAccessLogInput, input);
  const rows = await findPiiAccessLog(ctx.db, { ...filter, username: filter.user }).catch((e) => {
    throw wrapDatabaseError(e);
  });
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((r) => ({
      ...r,
      at: r.at.toISOString(),
      kindName: t.audit.kinds[r.kind] ?? r.kind,
      fieldName: t.audit.fields[r.field] ?? r.field,
    })),
    nextBefore: rows.length > filter.limit ? page[page.length - 1].id : null,
  };
}
