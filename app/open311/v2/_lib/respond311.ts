import "server-only";
import { productConnection, type Database } from "@/db/client";
import { isDomainError, isRefusedTextValue, wrapDatabaseError } from "@/lib/errors";
import { open311 } from "@/lib/i18n/zh-CN/open311";
import { errorsXml, Open311Error, toXml, toXmlObject, type Open311Format } from "@/lib/open311/georeport";
import { assertJurisdiction } from "@/lib/open311/requests";
import { findNulCharacter } from "@/lib/text-input";

/**
 * "services.json" → ["services", "json"]; null when the suffix is neither .json nor .xml; `invalid` when the
 * segment cannot be a name at all (a stray "%" that does not decode, a NUL or other control character) —
 * a 400, where decodeURIComponent would have thrown a 500.
 */
export function splitFormat(
  segment: string,
): { name: string; format: Open311Format } | { invalid: true; format: Open311Format } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    decoded = segment;
  }
  const m = /^(.+)\.(json|xml)$/is.exec(decoded);
  if (!m) return null;
  const format = m[2].toLowerCase() as Open311Format;
  if (/[\u0000-\u001f\u007f]/.test(m[1]) || /%(?![0-9a-f]{2})/i.test(segment)) return { invalid: true, format };
  return { name: m[1], format };
}

/**
 * Checks every GET's query: no NUL or other control character in any parameter (400, where PostgreSQL
 * would refuse the text with a 500), and the optional jurisdiction_id is the district's (404 otherwise,
 * as on POST).
 */
export async function assertPublicQuery(db: Database, query: URLSearchParams): Promise<void> {
  for (const [key, value] of query)
    if (findNulCharacter(key + value) !== null) throw new Open311Error(400, open311.errors.nulCharacter);
  await assertJurisdiction(db, query.get("jurisdiction_id"));
}

const CORS = { "access-control-allow-origin": "*" };

/** XML: a list as <root><item>…</item>…</root>, or a single object as <root>…</root> (item null). */
type XmlShape = { root: string; item: string | null };

function body(format: Open311Format, value: unknown, xml: XmlShape): { text: string; type: string } {
  if (format === "json") return { text: JSON.stringify(value), type: "application/json; charset=utf-8" };
  const text =
    xml.item === null
      ? toXmlObject(xml.root, value as object)
      : toXml(xml.root, xml.item, Array.isArray(value) ? value : [value]);
  return { text, type: "application/xml; charset=utf-8" };
}

export function errorResponse(format: Open311Format, status: number, description: string, retryAfterSeconds?: number): Response {
  const errors = [{ code: status, description }];
  const text = format === "xml" ? errorsXml(errors) : JSON.stringify(errors);
  return new Response(text, {
    status,
    headers: {
      ...CORS,
      "content-type": format === "xml" ? "application/xml; charset=utf-8" : "application/json; charset=utf-8",
      "cache-control": "no-store",
      // A throttled client learns when its key's window turns (RFC 9110 Retry-After, seconds).
      ...(retryAfterSeconds ? { "retry-after": String(retryAfterSeconds) } : {}),
    },
  });
}

/**
 * The shape of every Open311 route: run the handler with the application's connection, answer in the
 * requested format (JSON, or XML with the spec's element names), and turn failures into the spec's error
 * list with the matching HTTP status — never a stack or a database message.
 */
export async function respond311(
  format: Open311Format,
  run: (db: Database) => Promise<unknown>,
  options: { status?: number; xml: XmlShape; cache?: string },
): Promise<Response> {
  try {
    const value = await run(productConnection().db);
    const { text, type } = body(format, value, options.xml);
    return new Response(text, {
      status: options.status ?? 200,
      headers: { ...CORS, "content-type": type, "cache-control": options.cache ?? "no-store" },
    });
  } catch (error) {
    if (error instanceof Open311Error)
      return errorResponse(format, error.status, error.description, error.retryAfterSeconds ?? undefined);
    const wrapped = wrapDatabaseError(error);
    if (isDomainError(wrapped) && wrapped.code === "UNAVAILABLE") return errorResponse(format, 503, open311.errors.unavailable);
    console.error("[open311]", error);
    if (isRefusedTextValue(error)) return errorResponse(format, 400, open311.errors.valueInvalid);
    return errorResponse(format, 500, open311.errors.internal);
  }
}
