import type { UpdateDepartmentInput } from "@/lib/org/schemas";
import { updateDepartment } from "@/lib/org/update-department";
import { respond } from "../../../_lib/respond";
import { staffBody } from "../../_lib/body";

/** PATCH {name?, kind?, parentId?, sortOrder?} → {id} (staff.manage). */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, async (ctx) =>
    updateDepartment({ ctx, input: { ...(await staffBody(request)), id } as unknown as UpdateDepartmentInput }),
  );
}
