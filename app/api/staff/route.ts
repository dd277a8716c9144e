import { createStaff } from "@/lib/org/create-staff";
import type { CreateStaffInput } from "@/lib/org/schemas";
import { listStaff } from "@/lib/org/list-staff";
import { staffFilterParams } from "@/lib/org/staff-filter-params";
import { respond } from "../_lib/respond";
import { staffBody } from "./_lib/body";

/** GET ?department&position&rank&gridRole&status&q&after → a page of the staff list (masked). */
export async function GET(request: Request) {
  const sp = Object.fromEntries(new URL(request.url).searchParams);
  return respond(request, (ctx) => listStaff({ ctx, input: { ...staffFilterParams(sp), after: sp.after } as never }), {
    personal: true,
  });
}

/** POST a new staff record → 201 {id} (staff.manage). */
export async function POST(request: Request) {
  return respond(request, async (ctx) => createStaff({ ctx, input: (await staffBody(request)) as CreateStaffInput }), {
    status: 201,
  });
}
