import "server-only";
import { createHash } from "node:crypto";
import { touchApiKey } from "../../db/queries/api-key";
import { findCaseIdByClientRequest } from "../../db/queries/case";
import { findServiceCategoryId, insertOpen311Request } from "../../db/queries/open311";
import { inScope } from "../../db/queries/scope";
import type { Database } from "../../db/client";
import { isUniqueViolation } from "../account/rules";
import { createCaseInTransaction } from "../case/report-case";
import type { RequestContext } from "../context";
import { isDomainError } from "../errors";
import { loadPlaceIndex } from "../hotline/place-index";
import { open311 } from "../i18n/zh-CN/open311";
import { hashApiKey, looksLikeApiKey } from "./api-key-token";
import { Open311Error, type CreatedRequestDto } from "./georeport";
import { assertJurisdiction, districtScope } from "./requests";

/** Accepted POSTs per key and minute; more get 429 until the window turns. */
export const POSTS_PER_MINUTE = 60;

export type PostMeta = { clientAddress: string | null; idempotencyKey: string | null };

/**
 * POST requests: a service request from an outside system, form-encoded as the spec has it. The api_key
 * decides the region the request may lie in; the case is reported as a resident's (source resident, channel
 * open311), with no account as reporter. first_name/last_name and phone become the reporter (never shown by
 * the GET methods); email is not stored (the product contacts residents by phone only); media_url is kept as
 * text. An Idempotency-Key header makes a retried POST return the first request instead of a second one.
 */
export async function postServiceRequest(
  db: Database,
  form: ReadonlyMap<string, string>,
  meta: PostMeta,
): Promise<CreatedRequestDto[]> {
  const e = open311.errors;
  const field = (name: string) => {
    const v = form.get(name);
    return v === undefined ? null : v.trim() || null;
  };

  const token = field("api_key");
  if (!token) throw new Open311Error(400, e.apiKeyMissing);
  const key = looksLikeApiKey(token) ? await touchApiKey(db, hashApiKey(token)) : null;
  if (!key) throw new Open311Error(403, e.apiKeyInvalid);
  if (key.window_count > POSTS_PER_MINUTE) throw new Open311Error(429, e.throttled(POSTS_PER_MINUTE), key.window_resets_in);

  await assertJurisdiction(db, field("jurisdiction_id"));

  const serviceCode = field("service_code");
  if (!serviceCode) throw new Open311Error(400, e.serviceCodeMissing);
  const categoryId = await findServiceCategoryId(db, serviceCode);
  if (categoryId === null) throw new Open311Error(404, e.serviceNotFound(serviceCode));

  const description = field("description");
  if (!description || description.length < 2 || description.length > 4000) throw new Open311Error(400, e.descriptionInvalid);

  const address = field("address_string");
  if (address && address.length > 200) throw new Open311Error(400, e.addressNotFound);
  let lon: number;
  let lat: number;
  const latText = field("lat");
  const longText = field("long");
  if (latText !== null || longText !== null) {
    lat = Number(latText);
    lon = Number(longText);
    if (
      latText === null ||
      longText === null ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lon) ||
      lon < 73 ||
      lon > 136 ||
      lat < 3 ||
      lat > 54
    ) {
      throw new Open311Error(400, e.locationInvalid);
    }
  } else if (address) {
    const { index } = await loadPlaceIndex(db);
    const match = index.match(address);
    if (match.kind !== "exact" && match.kind !== "fuzzy") throw new Open311Error(400, e.addressNotFound);
    ({ lon, lat } = match.candidate);
  } else {
    throw new Open311Error(400, e.locationMissing);
  }

  const name = [field("last_name"), field("first_name")].filter(Boolean).join("") || null;
  if (name && name.length > 40) throw new Open311Error(400, e.nameInvalid);
  const phone = field("phone")?.replace(/[\s()-]/g, "") ?? null;
  if (phone && !/^\+?[0-9]{5,20}$/.test(phone)) throw new Open311Error(400, e.phoneInvalid);
  const mediaUrl = field("media_url");
  if (mediaUrl && (mediaUrl.length > 2000 || !/^https?:\/\/[^\s]+$/i.test(mediaUrl)))
    throw new Open311Error(400, e.mediaUrlInvalid);

  const clientRequestId = meta.idempotencyKey ? uuidFrom(`open311:${key.id}:${meta.idempotencyKey}`) : null;
  const ctx: RequestContext = {
    db,
    actor: {
      userId: null,
      username: `open311:${key.key_prefix}`,
      displayName: `Open311（${key.name}）`,
      sessionId: null,
      mustChangePassword: false,
      assignments: [],
    },
    clientAddress: meta.clientAddress,
    locale: "zh-CN",
  };
  const scope = [key.region_path];
  const replay = () =>
    clientRequestId ? inScope(db, scope, (trx) => findCaseIdByClientRequest(trx, clientRequestId)) : Promise.resolve(null);
  const earlier = await replay();
  if (earlier) return [created(earlier.number)];
  try {
    const number = await inScope(db, scope, async (trx) => {
      const c = await createCaseInTransaction(trx, {
        ctx,
        scope,
        input: {
          categoryId,
          description,
          lon,
          lat,
          address,
          urgency: null,
          source: "resident",
          photoIds: [],
          reporterName: name,
          reporterPhone: phone,
          risk: null,
          channel: "open311",
          clientRequestId,
        },
      });
      await insertOpen311Request(trx, { caseId: c.caseId, apiKeyId: key.id, mediaUrl });
      return c.number;
    });
    return [created(number)];
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await replay();
      if (winner) return [created(winner.number)];
    }
    if (isDomainError(error)) {
      if (error.code === "FORBIDDEN") throw new Open311Error(403, e.outsideKeyRegion);
      if (error.details?.location) throw new Open311Error(400, e.outsideJurisdiction);
      throw new Open311Error(400, error.message);
    }
    throw error;
  }
}

function created(number: string): CreatedRequestDto {
  return { service_request_id: number, service_notice: open311.serviceNotice(number), account_id: null };
}

/** A UUID (version 8, name-based) from a text: the same key and header give the same client request id. */
function uuidFrom(text: string): string {
  const h = createHash("sha256").update(text).digest();
  h[6] = (h[6] & 0x0f) | 0x80;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
