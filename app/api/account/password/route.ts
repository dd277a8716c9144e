import { changeOwnPassword } from "@/lib/account/change-own-password";
import type { ChangeOwnPasswordInput } from "@/lib/account/schemas";
import { respond } from "../../_lib/respond";
import { readJsonObject } from "../../_lib/read-json";

/** POST /api/account/password {currentPassword, newPassword}: the signed-in account changes its own password. */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => changeOwnPassword({ ctx, input: (await readJsonObject(request)) as ChangeOwnPasswordInput }),
    { personal: true },
  );
}
