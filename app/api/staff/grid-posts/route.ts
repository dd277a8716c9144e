import { assignGridPost } from "@/lib/org/assign-grid-post";
import type { AssignGridPostInput } from "@/lib/org/schemas";
import { respond } from "../../_lib/respond";
import { staffBody } from "../_lib/body";

/** POST {staffId, regionId, gridRole, validFrom, validTo?} → 201 {id}; a second 专职网格员 answers 409 (staff.manage). */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => assignGridPost({ ctx, input: (await staffBody(request)) as unknown as AssignGridPostInput }),
    {
      status: 201,
    },
  );
}
