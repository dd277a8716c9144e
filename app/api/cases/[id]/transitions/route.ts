import { transitionCase } from "@/lib/case/transition-case";
import { readJsonObject } from "../../../_lib/read-json";
import { respond } from "../../../_lib/respond";

/** POST {action, expectedVersion, requestId, …} → the case after the step (409 when someone acted first). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, async (ctx) => transitionCase({ ctx, input: { ...(await readJsonObject(request)), caseId: id } }), {
    personal: true,
  });
}
