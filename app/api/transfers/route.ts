import { requestTransfer } from "@/lib/transfer/request-transfer";
import { readJsonObject } from "../_lib/read-json";
import { respond } from "../_lib/respond";

/** POST {staffId, staffVersion, toDepartmentId, toPositionId, toRegionId?, toGridRole?, reason, effectiveDate, requestId} → the transfer (201; 200 for a repeat). */
export async function POST(request: Request) {
  return respond(request, async (ctx) => requestTransfer({ ctx, input: (await readJsonObject(request)) as never }), {
    personal: true,
    status: (body) => (body.replayed ? 200 : 201),
  });
}
