import { exportReplies } from "@/lib/hotline/export-replies";
import { download } from "../_lib/download";

/** GET the replies file for the hotline: ?from=YYYY-MM-DD&to=YYYY-MM-DD&onlyFinished=1&format=xlsx|csv. */
export async function GET(request: Request) {
  const p = new URL(request.url).searchParams;
  return download(request, (ctx) =>
    exportReplies({
      ctx,
      input: {
        from: p.get("from") || null,
        to: p.get("to") || null,
        onlyFinished: p.get("onlyFinished") || null,
        format: p.get("format") || undefined,
      },
    }),
  );
}
