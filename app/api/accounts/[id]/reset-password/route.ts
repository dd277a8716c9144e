import { resetPassword } from "@/lib/account/reset-password";
import { respond } from "../../../_lib/respond";

/** POST /api/accounts/:id/reset-password → the new temporary password, shown once (never cached). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, (ctx) => resetPassword({ ctx, input: { userId: id as unknown as number } }), { personal: true });
}
