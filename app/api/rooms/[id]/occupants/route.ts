import { getRoomOccupants } from "@/lib/resident/get-room-occupants";
import { respond } from "../../../_lib/respond";

/** The households and (masked) residents of one room. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, (ctx) => getRoomOccupants({ ctx, input: { id: id as unknown as number } }), { personal: true });
}
