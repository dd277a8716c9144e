import "server-only";
import { productConnection, type Database } from "@/db/client";
import { wrapDatabaseError, isDomainError } from "@/lib/errors";
import { open311 } from "@/lib/i18n/zh-CN/open311";
import { errorsXml, Open311Error, toXml, toXmlObject, type Open311Format } from "@/lib/open311/georeport";

/** "services.json" → ["services", "json"]; null when the suffix is neither .json nor .xml. */
export function splitFormat(segment: string): { name: string; format: Open311Format } | null {
  const m = /^(.+)\.(json|xml)$/i.exec(decodeURIComponent(segment));
  return m ? { name: m[1], format: m[2].toLowerCase() as Open311Format } : null;
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

export function errorResponse(format: Open311Format, status: number, description: string): Response {
  const errors = [{ code: status, description }];
  const text = format === "xml" ? errorsXml(errors) : JSON.stringify(errors);
  return new Response(text, {
    status,
    headers: {
      ...CORS,
      "content-type": format === "xml" ? "application/xml; charset=utf-8" : "application/json; charset=utf-8",
      "cache-control": "no-store",
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
    if (error instanceof Open311Error) return errorResponse(format, error.status, error.description);
    const wrapped = wrapDatabaseError(error);
    if (isDomainError(wrapped) && wrapped.code === "UNAVAILABLE") return errorResponse(format, 503, open311.errors.unavailable);
    console.error("[open311]", error);
    return errorResponse(format, 500, open311.errors.internal);
  }
}
