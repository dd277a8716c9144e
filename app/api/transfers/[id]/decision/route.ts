import { approveTransfer } from "@/lib/transfer/approve-transfer";
import { rejectTransfer } from "@/lib/transfer/reject-transfer";
import { readJsonObject } from "../../../_lib/read-json";
import { respond } from "../../../_lib/respond";

/** POST {side, decision: "approve" | "reject", expectedVersion, note?} → the transfer's state (409 when the side has decided). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => {
      const body = await readJsonObject(request);
      const input = { ...body, transferId: id } as never;
      return body.decision === "reject" ? rejectTransfer({ ctx, input }) : approveTransfer({ ctx, input });
    },
    { personal: true },
  );
}
