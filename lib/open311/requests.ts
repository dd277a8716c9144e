import "server-only";
import { findDistrictRegion, findServiceRequests, type RequestRow } from "../../db/queries/open311";
import { inScope } from "../../db/queries/scope";
import type { Database } from "../../db/client";
import { OPEN_STATES } from "../case/case-states";
import { open311 } from "../i18n/zh-CN/open311";
import { maskPersonalNumbers } from "../pii/mask";
import { isoBeijing, Open311Error, parseIsoParam, type ServiceRequestDto } from "./georeport";

/** The spec's defaults: the last 90 days, at most 1000 requests. */
export const DEFAULT_DAYS = 90;
export const MAX_REQUESTS = 1000;
const MAX_IDS = 100;
const DAY_MS = 86_400_000;

/** closed = 已结案, 已评价, 已作废; every other state of the loop is open. */
export const CLOSED_STATES = ["closed", "evaluated", "cancelled"] as const;

export function toServiceRequest(r: RequestRow): ServiceRequestDto {
  return {
    service_request_id: r.number,
    status: (CLOSED_STATES as readonly string[]).includes(r.state) ? "closed" : "open",
    status_notes: r.status_note ? maskPersonalNumbers(r.status_note) : null,
    service_name: r.service_name,
    service_code: r.service_code,
    description: maskPersonalNumbers(r.description),
    agency_responsible: r.agency,
    service_notice: null,
    requested_datetime: isoBeijing(r.reported_at)!,
    updated_datetime: isoBeijing(r.updated_at)!,
    expected_datetime: isoBeijing(r.handle_deadline_at),
    address: r.address === null ? null : maskPersonalNumbers(r.address),
    address_id: null,
    zipcode: null,
    lat: Number(Number(r.lat).toFixed(7)),
    long: Number(Number(r.lon).toFixed(7)),
    media_url: r.media_url,
  };
}

type DistrictScope = { path: string; code: string };
let district: { at: number; value: Promise<DistrictScope | null> } | undefined;

/** The district (the public interface reads the whole district); looked up once a minute. */
export function districtScope(db: Database): Promise<DistrictScope | null> {
  if (!district || Date.now() - district.at > 60_000) {
    const value = findDistrictRegion(db).then((r) => (r ? { path: r.path, code: r.code } : null));
    district = { at: Date.now(), value };
    value.catch(() => (district = undefined));
  }
  return district.value;
}

/**
 * jurisdiction_id is optional (the system serves one district); given, it must be the district's code, on
 * GET and POST alike: anything else is 404, the spec's answer for an unknown jurisdiction.
 */
export async function assertJurisdiction(db: Database, jurisdictionId: string | null | undefined): Promise<void> {
  const wanted = jurisdictionId?.trim();
  if (!wanted) return;
  const d = await districtScope(db);
  if (!d || wanted !== d.code) throw new Open311Error(404, open311.errors.jurisdictionUnknown(wanted));
}

/** Reads as the public: a transaction scoped to the whole district. */
export async function asPublic<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  const d = await districtScope(db);
  if (!d) throw new Open311Error(503, open311.errors.unavailable);
  return inScope(db, [d.path], work);
}

/**
 * GET requests: service_request_id (a comma list, which overrides every other filter), service_code (comma
 * list), start_date / end_date (ISO 8601 on the requested time), status (open, closed or both); by default the
 * last 90 days, newest first, at most 1000.
 */
export async function listServiceRequests(
  db: Database,
  params: URLSearchParams,
  now: Date = new Date(),
): Promise<ServiceRequestDto[]> {
  const e = open311.errors;
  const ids = splitList(params.get("service_request_id"));
  if (ids) {
    if (ids.length > MAX_IDS) throw new Open311Error(400, e.tooManyIds);
    return (await asPublic(db, (trx) => findServiceRequests(trx, { numbers: ids }))).map(toServiceRequest);
  }
  const startText = params.get("start_date");
  const endText = params.get("end_date");
  const start = startText ? parseIsoParam(startText) : null;
  const end = endText ? parseIsoParam(endText) : null;
  if (startText && !start) throw new Open311Error(400, e.dateInvalid("start_date"));
  if (endText && !end) throw new Open311Error(400, e.dateInvalid("end_date"));
  const until = end ?? now;
  const from = start ?? new Date(until.getTime() - DEFAULT_DAYS * DAY_MS);
  const statuses = splitList(params.get("status"));
  if (statuses && statuses.some((s) => s !== "open" && s !== "closed")) throw new Open311Error(400, e.statusInvalid);
  let states: string[] | null = null;
  if (statuses && !(statuses.includes("open") && statuses.includes("closed")))
    states = statuses.includes("open") ? [...OPEN_STATES] : [...CLOSED_STATES];
  const rows = await asPublic(db, (trx) =>
    findServiceRequests(trx, {
      serviceCodes: splitList(params.get("service_code")),
      start: from,
      end: new Date(until.getTime() + 1),
      states,
      limit: MAX_REQUESTS,
    }),
  );
  return rows.map(toServiceRequest);
}

/** GET requests/<id>: one request as a one-element list (the spec's shape), 404 when unknown. */
export async function getServiceRequest(db: Database, id: string): Promise<ServiceRequestDto[]> {
  const rows = /^[A-Za-z0-9_-]{1,40}$/.test(id) ? await asPublic(db, (trx) => findServiceRequests(trx, { numbers: [id] })) : [];
  if (rows.length === 0) throw new Open311Error(404, open311.errors.requestNotFound(id));
  return rows.map(toServiceRequest);
}

function splitList(value: string | null): string[] | null {
  if (value === null) return null;
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? list : null;
}
