import { getBatchReport } from "@/lib/hotline/get-batch";
import { respond } from "../../../_lib/respond";

/** GET one import's progress and report lines (?outcome=created|updated|unchanged|queued|rejected). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const outcome = new URL(request.url).searchParams.get("outcome") || null;
  return respond(request, (ctx) => getBatchReport({ ctx, input: { batchId: id, outcome } }));
}
