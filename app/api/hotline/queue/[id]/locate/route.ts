import { locateQueuedOrder } from "@/lib/hotline/queue";
import { readJsonObject } from "../../../../_lib/read-json";
import { respond } from "../../../../_lib/respond";

/** POST {version, lon, lat}: place a queued order on the map → 201 {caseId, number}. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, async (ctx) => locateQueuedOrder({ ctx, input: { ...(await readJsonObject(request)), orderId: id } }), {
    status: 201,
  });
}
