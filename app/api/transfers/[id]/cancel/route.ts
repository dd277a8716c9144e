import { cancelTransfer } from "@/lib/transfer/cancel-transfer";
import { readJsonObject } from "../../../_lib/read-json";
import { respond } from "../../../_lib/respond";

/** POST {expectedVersion, note?} → the cancelled transfer. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => cancelTransfer({ ctx, input: { ...(await readJsonObject(request)), transferId: id } as never }),
    {
      personal: true,
    },
  );
}
