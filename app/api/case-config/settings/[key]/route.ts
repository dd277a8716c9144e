import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import type { UpdateCaseSettingInput } from "@/lib/case-config/schemas";
import { updateCaseSetting } from "@/lib/case-config/update-case-setting";

type Params = { params: Promise<{ key: string }> };

/** PATCH /api/case-config/settings/:key {value, expectedVersion} → {key, version, value}. */
export async function PATCH(request: Request, { params }: Params) {
  const { key } = await params;
  return respond(
    request,
    async (ctx) => updateCaseSetting({ ctx, input: { ...(await readJsonObject(request)), key } as UpdateCaseSettingInput }),
    { personal: true },
  );
}
