import { revokeApiKey } from "@/lib/open311/api-keys";
import { respond } from "../../../_lib/respond";

/** POST: revoke one API key at once. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, (ctx) => revokeApiKey({ ctx, input: { id } }));
}
