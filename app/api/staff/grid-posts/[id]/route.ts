import { endGridPost } from "@/lib/org/end-grid-post";
import type { EndGridPostInput } from "@/lib/org/schemas";
import { respond } from "../../../_lib/respond";
import { staffBody } from "../../_lib/body";

/** PATCH {validTo} → {id}: the post ends on that day (staff.manage). */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, async (ctx) =>
    endGridPost({ ctx, input: { ...(await staffBody(request)), id } as unknown as EndGridPostInput }),
  );
}
