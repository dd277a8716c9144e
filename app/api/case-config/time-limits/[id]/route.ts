import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { deleteTimeLimit } from "@/lib/case-config/delete-time-limit";
import { saveTimeLimit } from "@/lib/case-config/save-time-limit";
import type { DeleteVersionedInput, SaveTimeLimitInput } from "@/lib/case-config/schemas";

type Params = { params: Promise<{ id: string }> };

/** PATCH /api/case-config/time-limits/:id {…the rule, expectedVersion} → {id, version}. */
export async function PATCH(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => saveTimeLimit({ ctx, input: { ...(await readJsonObject(request)), id } as SaveTimeLimitInput }),
    { personal: true },
  );
}

/** DELETE /api/case-config/time-limits/:id {expectedVersion} → {id} (default rows are refused). */
export async function DELETE(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => deleteTimeLimit({ ctx, input: { ...(await readJsonObject(request)), id } as DeleteVersionedInput }),
    { personal: true },
  );
}
