import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { saveRoutingRule } from "@/lib/case-config/save-routing-rule";
import type { SaveRoutingRuleInput } from "@/lib/case-config/schemas";

/** POST /api/case-config/routing-rules {categoryId, regionId, leadUnitId, coUnitIds, autoDispatch} → 201 {id, version}. */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => {
      const body = await readJsonObject(request);
      // A new rule: an id or version in the body would turn the create into an update.
      const { id: _id, expectedVersion: _v, ...input } = body;
      return saveRoutingRule({ ctx, input: input as SaveRoutingRuleInput });
    },
    { personal: true, status: 201 },
  );
}
