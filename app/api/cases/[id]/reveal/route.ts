import { revealCaseText } from "@/lib/case/reveal-case-text";
import { readJsonObject } from "../../../_lib/read-json";
import { respond } from "../../../_lib/respond";

/** POST {reason} → the case's free text in clear (the reveal right in the case's area, a reason, logged). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => {
      const body = await readJsonObject(request);
      return revealCaseText({ ctx, input: { id: id as unknown as number, reason: body.reason as string } });
    },
    { personal: true },
  );
}
