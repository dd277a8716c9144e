import { closeDepartment } from "@/lib/org/close-department";
import type { CloseDepartmentInput } from "@/lib/org/schemas";
import { respond } from "../../../../_lib/respond";
import { staffBody } from "../../../_lib/body";

/** POST {validTo} → {id}: the department ends on that day, when nobody and no open department remains in it (staff.manage). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, async (ctx) =>
    closeDepartment({ ctx, input: { ...(await staffBody(request)), id } as unknown as CloseDepartmentInput }),
  );
}
