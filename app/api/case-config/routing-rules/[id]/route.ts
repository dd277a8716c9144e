import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { deleteRoutingRule } from "@/lib/case-config/delete-routing-rule";
import { saveRoutingRule } from "@/lib/case-config/save-routing-rule";
import type { DeleteVersionedInput, SaveRoutingRuleInput } from "@/lib/case-config/schemas";

type Params = { params: Promise<{ id: string }> };

/** PATCH /api/case-config/routing-rules/:id {…the rule, expectedVersion} → {id, version}. */
export async function PATCH(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => saveRoutingRule({ ctx, input: { ...(await readJsonObject(request)), id } as SaveRoutingRuleInput }),
    { personal: true },
  );
}

/** DELETE /api/case-config/routing-rules/:id {expectedVersion} → {id}. */
export async function DELETE(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => deleteRoutingRule({ ctx, input: { ...(await readJsonObject(request)), id } as DeleteVersionedInput }),
    { personal: true },
  );
}
