/**
 * The shapes of Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) and their two encodings,
 * JSON and XML (pure). Field names are the spec's; times are ISO 8601 with the +08:00 offset.
 */
import { formatIsoBeijing } from "../format/time";

export type Open311Format = "json" | "xml";

export type ServiceDto = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: "realtime" | "batch" | "blackbox";
  keywords: string;
  group: string;
};

export type ServiceRequestDto = {
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number;
  long: number;
  media_url: string | null;
};

export type CreatedRequestDto = { service_request_id: string; service_notice: string; account_id: string | null };

export type Open311ErrorDto = { code: number; description: string };

/** An error of the interface: the HTTP status and the spec's [{code, description}] body. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    /** With 429: when to come back (seconds), sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(description);
    this.name = "Open311Error";
  }
}

/** An instant as ISO 8601 in Beijing time with its offset: 2026-11-20T09:30:00+08:00. */
export function isoBeijing(date: Date | string | null): string | null {
  return formatIsoBeijing(date);
}

/** ISO 8601 from a query string; a time without an offset is Beijing time. null when not ISO 8601. */
export function parseIsoParam(text: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  if (!m) return null;
  const zone = m[3] ? (m[3] === "Z" ? "Z" : m[3].length === 5 ? `${m[3].slice(0, 3)}:${m[3].slice(3)}` : m[3]) : "+08:00";
  const t = Date.parse(`${m[1]}T${m[2] ?? "00:00:00"}${zone}`);
  return Number.isNaN(t) ? null : new Date(t);
}

function escapeXml(value: string): string {
  return value
    .replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

function xmlFields(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .map(([k, v]) => {
      if (v === null || v === undefined) return `<${k}/>`;
      if (Array.isArray(v)) return `<${k}>${v.map((x) => xmlFields(x as Record<string, unknown>)).join("")}</${k}>`;
      return `<${k}>${escapeXml(String(v))}</${k}>`;
    })
    .join("");
}

/** A list as XML: <services><service>…</service></services> and the like. */
export function toXml(root: string, item: string, list: readonly object[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${list.map((x) => `<${item}>${xmlFields(x as Record<string, unknown>)}</${item}>`).join("")}</${root}>`;
}

/** One object as XML: <root>fields</root> (the service definition). */
export function toXmlObject(root: string, obj: object): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${xmlFields(obj as Record<string, unknown>)}</${root}>`;
}

export function errorsXml(errors: readonly Open311ErrorDto[]): string {
  return toXml("errors", "error", errors);
}
