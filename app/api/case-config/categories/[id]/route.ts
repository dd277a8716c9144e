import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import type { UpdateCategoryInput } from "@/lib/case-config/schemas";
import { updateCategory } from "@/lib/case-config/update-category";

type Params = { params: Promise<{ id: string }> };

/** PATCH /api/case-config/categories/:id {name, defaultLevel, defaultUrgency, active, expectedVersion} → {id, version}. */
export async function PATCH(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => updateCategory({ ctx, input: { ...(await readJsonObject(request)), id } as UpdateCategoryInput }),
    { personal: true },
  );
}
