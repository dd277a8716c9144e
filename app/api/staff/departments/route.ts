import { createDepartment } from "@/lib/org/create-department";
import { getOrgChart } from "@/lib/org/get-org-chart";
import type { CreateDepartmentInput } from "@/lib/org/schemas";
import { respond } from "../../_lib/respond";
import { staffBody } from "../_lib/body";

/** GET the org chart of the caller's area (staff.read). */
export async function GET(request: Request) {
  return respond(request, (ctx) => getOrgChart({ ctx }));
}

/** POST {code, name, kind, regionId, parentId?, sortOrder?, validFrom?} → 201 {id} (staff.manage). */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => createDepartment({ ctx, input: (await staffBody(request)) as unknown as CreateDepartmentInput }),
    {
      status: 201,
    },
  );
}
