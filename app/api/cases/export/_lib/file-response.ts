import "server-only";
import { contextFromRequest, type RequestContext } from "@/lib/context";
import { DomainError, toHttpResponse } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/format/content-disposition";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";

export type DownloadFile = {
  filename: string;
  asciiFilename: string;
  contentType: string;
  rowCount: number;
  body: ReadableStream<Uint8Array> | Uint8Array | string;
};

/**
 * The shape of the case export routes: started from one of the product's own pages (a link from another
 * site is refused: the export would be made — and audited — on the victim's behalf), the caller's context
 * from the session, one export verb, the file as an attachment that is never cached. Refusals are JSON
 * through the HTTP mapper (the page's download buttons show their message).
 */
export async function fileResponse(request: Request, run: (ctx: RequestContext) => Promise<DownloadFile>): Promise<Response> {
  try {
    const site = request.headers.get("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") {
      throw new DomainError("FORBIDDEN", caseDesk.export.crossSite, { details: { reason: "cross-site download" } });
    }
    const ctx = await contextFromRequest(request);
    const file = await run(ctx);
    return new Response(file.body as BodyInit, {
      status: 200,
      headers: {
        "content-type": file.contentType,
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
