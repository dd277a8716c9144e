import "server-only";
import { contextFromRequest, type RequestContext } from "@/lib/context";
import { DomainError, toHttpResponse } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/format/content-disposition";
import { t } from "@/lib/i18n";

export type Download = {
  body: Uint8Array | string;
  contentType: string;
  fileName: string;
  asciiFileName: string;
  rowCount?: number;
};

/**
 * A file download started from the product's own pages (a link from another site is refused: the file
 * would be produced — and audited — on the victim's behalf), never cached. Errors are JSON.
 */
export async function download(request: Request, run: (ctx: RequestContext) => Promise<Download>): Promise<Response> {
  try {
    const site = request.headers.get("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none")
      throw new DomainError("FORBIDDEN", t.resident.errors.crossSite, { details: { reason: "cross-site download" } });
    const ctx = await contextFromRequest(request);
    const file = await run(ctx);
    const headers: Record<string, string> = {
      "content-type": file.contentType,
      "content-disposition": attachmentDisposition(file.fileName, file.asciiFileName),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    };
    if (file.rowCount !== undefined) headers["x-row-count"] = String(file.rowCount);
    return new Response(typeof file.body === "string" ? file.body : new Blob([file.body as Uint8Array<ArrayBuffer>]), {
      status: 200,
      headers,
    });
  } catch (error) {
    return toHttpResponse(error);
  }
}
