import { getCase } from "@/lib/case/get-case";
import { respond } from "../../_lib/respond";

/** GET one case with its timeline and the steps the caller may take. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, (ctx) => getCase({ ctx, caseId: id }), { personal: true });
}
