import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import { open311 } from "@/lib/i18n/zh-CN/open311";
import { Open311Error } from "@/lib/open311/georeport";
import { postServiceRequest } from "@/lib/open311/post-request";
import { listServiceRequests } from "@/lib/open311/requests";
import { listServices } from "@/lib/open311/services";
import { isDomainError } from "@/lib/errors";
import { readCappedForm } from "@/lib/request-body";
import { findNulCharacter } from "@/lib/text-input";
import { assertPublicQuery, errorResponse, respond311, splitFormat } from "../_lib/respond311";

/**
 * Open311 GeoReport v2 at /open311/v2/: services.json|xml (GET) and requests.json|xml (GET, POST). A folder
 * like `services.json` would need one folder per format; one dynamic segment takes "<name>.<format>" apart.
 */
type Params = { params: Promise<{ resource: string }> };

export async function GET(request: Request, { params }: Params) {
  const parsed = splitFormat((await params).resource);
  if (!parsed) return errorResponse("json", 404, open311.errors.notFound);
  if ("invalid" in parsed) return errorResponse(parsed.format, 400, open311.errors.pathInvalid);
  const query = new URL(request.url).searchParams;
  if (parsed.name === "services")
    return respond311(parsed.format, async (db) => (await assertPublicQuery(db, query), listServices(db)), {
      xml: { root: "services", item: "service" },
      cache: "public, max-age=300",
    });
  if (parsed.name === "requests") {
    return respond311(parsed.format, async (db) => (await assertPublicQuery(db, query), listServiceRequests(db, query)), {
      xml: { root: "service_requests", item: "request" },
    });
  }
  return errorResponse(parsed.format, 404, open311.errors.notFound);
}

export async function POST(request: Request, { params }: Params) {
  const parsed = splitFormat((await params).resource);
  if (!parsed) return errorResponse("json", 404, open311.errors.notFound);
  if ("invalid" in parsed) return errorResponse(parsed.format, 400, open311.errors.pathInvalid);
  if (parsed.name !== "requests")
    return errorResponse(
      parsed.format,
      parsed.name === "services" ? 405 : 404,
      parsed.name === "services" ? open311.errors.methodNotAllowed : open311.errors.notFound,
    );
  return respond311(
    parsed.format,
    async (db) => {
      const form = await readForm(request);
      return postServiceRequest(db, form, {
        clientAddress: request.headers.get(CLIENT_ADDRESS_HEADER),
        idempotencyKey: request.headers.get("idempotency-key")?.slice(0, 200) ?? null,
      });
    },
    { status: 201, xml: { root: "service_requests", item: "request" } },
  );
}

/** The POST's fields: form-encoded (the spec) or multipart; the query string's api_key counts too. First value wins. */
async function readForm(request: Request): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    // Capped at 1 MB (413 beyond, never read whole): a report is a few kilobytes of text.
    const data = await readCappedForm(request).catch((error: unknown) => {
      throw isDomainError(error) && error.code === "TOO_LARGE" ? new Open311Error(413, error.message) : error;
    });
    if (!data) throw new Open311Error(400, open311.errors.bodyInvalid);
    for (const [k, v] of data.entries()) if (typeof v === "string" && !out.has(k)) out.set(k, v);
  }
  const key = new URL(request.url).searchParams.get("api_key");
  if (key && !out.has("api_key")) out.set("api_key", key);
  if (findNulCharacter(out) !== null) throw new Open311Error(400, open311.errors.nulCharacter);
  return out;
}
