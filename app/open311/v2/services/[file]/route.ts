import { open311 } from "@/lib/i18n/zh-CN/open311";
import { getServiceDefinition } from "@/lib/open311/services";
import { assertPublicQuery, errorResponse, respond311, splitFormat } from "../../_lib/respond311";

/** GET /open311/v2/services/<service_code>.json|xml: the service definition (no attributes). */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const parsed = splitFormat((await params).file);
  if (!parsed) return errorResponse("json", 404, open311.errors.formatUnknown);
  if ("invalid" in parsed) return errorResponse(parsed.format, 400, open311.errors.pathInvalid);
  const query = new URL(request.url).searchParams;
  return respond311(parsed.format, async (db) => (await assertPublicQuery(db, query), getServiceDefinition(db, parsed.name)), {
    xml: { root: "service_definition", item: null },
    cache: "public, max-age=300",
  });
}
