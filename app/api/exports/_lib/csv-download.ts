import "server-only";
import { contextFromRequest, type RequestContext } from "@/lib/context";
import { DomainError, toHttpResponse } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/format/content-disposition";
import { t } from "@/lib/i18n";
import type { CsvExport } from "@/lib/resident/dto";

/**
 * The shape of the export routes: a download started from one of the product's own pages (a link
 * from another site is refused: the file would be produced — and logged — on the victim's behalf),
 * the caller's context from the session, one export verb, the CSV as an attachment that is never
 * cached. Errors are JSON through the HTTP mapper.
 */
export async function csvDownload(request: Request, run: (ctx: RequestContext) => Promise<CsvExport>): Promise<Response> {
  try {
    const site = request.headers.get("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") {
      throw new DomainError("FORBIDDEN", t.resident.errors.crossSite, { details: { reason: "cross-site download" } });
    }
    const ctx = await contextFromRequest(request);
    const file = await run(ctx);
    return new Response(file.csv, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": attachmentDisposition(file.filename, file.asciiFilename),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        "x-row-count": String(file.rowCount),
      },
    });
  } catch (error) {
    return toHttpResponse(error);
  }
}
