import { getStaffDetail } from "@/lib/org/get-staff-detail";
import type { UpdateStaffInput } from "@/lib/org/schemas";
import { updateStaff } from "@/lib/org/update-staff";
import { respond } from "../../_lib/respond";
import { staffBody } from "../_lib/body";

type Params = { params: Promise<{ id: string }> };

/** GET one person's record (masked; the view is logged). */
export async function GET(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(request, (ctx) => getStaffDetail({ ctx, input: { id: id as unknown as number } }), { personal: true });
}

/** PATCH {version, …changes} → {id, version}; a stale version answers 409 (staff.manage). */
export async function PATCH(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(request, async (ctx) => {
    const body = await staffBody(request);
    return updateStaff({ ctx, input: { ...body, id } as unknown as UpdateStaffInput });
  });
}
