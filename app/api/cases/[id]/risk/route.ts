import { assessCaseRisk } from "@/lib/case/assess-case-risk";
import { readJsonObject } from "../../../_lib/read-json";
import { respond } from "../../../_lib/respond";

/** POST {l, e, c, emergencyPlan, expectedVersion, requestId} → the case with its (revised) risk assessment. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, async (ctx) => assessCaseRisk({ ctx, input: { ...(await readJsonObject(request)), caseId: id } }), {
    personal: true,
  });
}
