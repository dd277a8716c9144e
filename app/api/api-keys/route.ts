import { createApiKey, listApiKeys } from "@/lib/open311/api-keys";
import { readJsonObject } from "../_lib/read-json";
import { respond } from "../_lib/respond";

/** GET the Open311 API keys of the administrator's area. */
export async function GET(request: Request) {
  return respond(request, (ctx) => listApiKeys({ ctx }));
}

/** POST {name, regionId} → 201 {key, token}: the token is shown this once. */
export async function POST(request: Request) {
  return respond(request, async (ctx) => createApiKey({ ctx, input: await readJsonObject(request) }), {
    status: 201,
    personal: true,
  });
}
