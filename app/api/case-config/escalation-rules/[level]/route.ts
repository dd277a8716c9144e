import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import type { UpdateEscalationRuleInput } from "@/lib/case-config/schemas";
import { updateEscalationRule } from "@/lib/case-config/update-escalation-rule";

type Params = { params: Promise<{ level: string }> };

/** PATCH /api/case-config/escalation-rules/:level {autoOnRed, notifyLevel, expectedVersion} → {level, version}. */
export async function PATCH(request: Request, { params }: Params) {
  const { level } = await params;
  return respond(
    request,
    async (ctx) =>
      updateEscalationRule({ ctx, input: { ...(await readJsonObject(request)), level } as UpdateEscalationRuleInput }),
    { personal: true },
  );
}
