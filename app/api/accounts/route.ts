import type { NextRequest } from "next/server";
import { createAccount } from "@/lib/account/create-account";
import { listAccounts } from "@/lib/account/list-accounts";
import type { CreateAccountInput, ListAccountsInput } from "@/lib/account/schemas";
import { respond } from "../_lib/respond";
import { readJsonObject } from "../_lib/read-json";

/** GET /api/accounts?q=&role=&status=&after= → a page of the accounts the administrator manages. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const input = {
    q: params.get("q") ?? undefined,
    role: params.get("role") ?? undefined,
    status: params.get("status") ?? undefined,
    after: params.get("after") ?? undefined,
    limit: params.get("limit") ?? undefined,
  };
  return respond(request, (ctx) => listAccounts({ ctx, input: input as ListAccountsInput }), { personal: true });
}

/** POST /api/accounts {username, displayName, assignments, password?} → 201 with the temporary password (once). */
export async function POST(request: Request) {
  return respond(request, async (ctx) => createAccount({ ctx, input: (await readJsonObject(request)) as CreateAccountInput }), {
    personal: true,
    status: 201,
  });
}
