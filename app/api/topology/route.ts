import { checkTopology } from "@/lib/topology/check-topology";
import { respond } from "../_lib/respond";

/** The topology report of the caller's area as JSON (`?toleranceM2=1`). */
export async function GET(request: Request) {
  const toleranceM2 = new URL(request.url).searchParams.get("toleranceM2") ?? undefined;
  return respond(request, (ctx) => checkTopology({ ctx, input: { toleranceM2: toleranceM2 as unknown as number } }));
}
