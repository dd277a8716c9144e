import { revokeSessions } from "@/lib/account/revoke-sessions";
import { respond } from "../../../_lib/respond";

/** POST /api/accounts/:id/revoke-sessions → how many sessions were ended. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, (ctx) => revokeSessions({ ctx, input: { userId: id as unknown as number } }), { personal: true });
}
