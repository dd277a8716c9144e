import { listQueue } from "@/lib/hotline/queue";
import { respond } from "../../_lib/respond";

/** GET the needs-location queue of the caller's area (?after=<cursor>&limit=). */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return respond(
    request,
    (ctx) => listQueue({ ctx, input: { after: params.get("after") || null, limit: params.get("limit") ?? undefined } }),
    { personal: true },
  );
}
