import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { saveTimeLimit } from "@/lib/case-config/save-time-limit";
import type { SaveTimeLimitInput } from "@/lib/case-config/schemas";

/** POST /api/case-config/time-limits {categoryId|null, urgency, level|null, stage, amount, unit} → 201 {id, version}. */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => {
      const { id: _id, expectedVersion: _v, ...input } = await readJsonObject(request);
      return saveTimeLimit({ ctx, input: input as SaveTimeLimitInput });
    },
    { personal: true, status: 201 },
  );
}
