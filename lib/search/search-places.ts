import "server-only";
import { findResidentByIdHash, findResidentsByName, type ResidentLookupRow } from "../../db/queries/resident";
import { inScope } from "../../db/queries/scope";
import { findCasesByNumberPrefix, findPlaces } from "../../db/queries/search";
import { authorize, can } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput, wrapDatabaseError } from "../errors";
import { levelNameOf, type Bounds } from "../grid/dto";
import { t } from "../i18n";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import { isValidIdNumber, normalizeIdNumber } from "../pii/id-number";
import { maskName, maskPersonalNumbers } from "../pii/mask";
import { hashIdNumber } from "../pii/protect";
import { recordPiiAccess } from "../pii/record-pii-access";
import { SearchPlacesInput } from "./schemas";

export type PlaceHit =
  | {
      kind: "region";
      id: number;
      code: string;
      name: string;
      detail: string | null;
      level: number;
      badge: string;
      bounds: Bounds;
    }
  | {
      kind: "building";
      id: number;
      code: string;
      name: string;
      detail: string | null;
      level: null;
      badge: string;
      bounds: Bounds;
    }
  /** Found by a case number or its start: `code` is the number, `name` the category, `bounds` the case's point. */
  | { kind: "case"; id: number; code: string; name: string; detail: string; level: null; badge: string; bounds: Bounds }
  /** Found by a full identity number or by name: `code` is the masked number, `bounds` the building's. */
  | { kind: "resident"; id: number; code: string; name: string; detail: string; level: null; badge: string; bounds: Bounds };

/** Hits the map's search handler opens on the map (areas and buildings fly there, a case opens beside it). */
export type MapPlaceHit = Exclude<PlaceHit, { kind: "resident" }>;

/** A case number or its start as people type it: "SJ" and at least one digit of "SJ20261123…" (any case). */
const CASE_NUMBER_QUERY = /^SJ[0-9]{1,15}$/i;
/** A name as the resident register writes it: 2 to 20 Han characters, "·" between parts of a minority name. */
const NAME_QUERY = /^[\p{Script=Han}][\p{Script=Han}·]{1,19}$/u;
/** At most this many cases and residents come before the places, so a name never hides every place. */
const MAX_CASE_HITS = 5;
const MAX_NAME_HITS = 5;

/**
 * Finds areas by name or code and buildings by name, address or code, inside the caller's scope; with
 * kinds "all" also:
 * - cases by their number or its start ("SJ2026…"), for a caller with case.read, inside the case area;
 * - a resident by a whole, valid identity number (GB 11643 check character), by the keyed hash — exact match
 *   only, never a partial one — and residents by name (exact or the name's start, never key persons), for a
 *   caller with resident.read, inside the resident area, shown masked. Every resident shown is logged in
 *   pii_access_log ("lookup", by id_number or name) in the same transaction as the read, like any
 *   personal-data read. Roles without resident.read never get residents.
 */
export async function searchPlaces({ ctx, input }: { ctx: RequestContext; input: SearchPlacesInput }): Promise<PlaceHit[]> {
  const scope = authorize(ctx, "map.view");
  const { q, limit, kinds } = parseInput(SearchPlacesInput, input);
  try {
    const resident = kinds === "all" ? await findResidentByIdNumber(ctx, q) : null;
    const caseHits = kinds === "all" ? await findCasesByNumber(ctx, q) : [];
    const named = kinds === "all" ? await findResidentsNamed(ctx, q) : [];
    const rows = await findPlaces(ctx.db, q, scope, limit);
    const places = rows.map((r): PlaceHit => {
      const bounds: Bounds = [r.west, r.south, r.east, r.north];
      if (r.kind === "region") {
        return {
          kind: "region",
          id: r.id,
          code: r.code,
          name: r.name,
          detail: r.detail,
          level: r.level ?? 0,
          badge: levelNameOf(r.level ?? 0, r.regionKind ?? ""),
          bounds,
        };
      }
      return {
        kind: "building",
        id: r.id,
        code: r.code,
        name: r.name,
        detail: r.detail,
        level: null,
        badge: t.building.types[r.buildingType ?? ""] ?? t.search.building,
        bounds,
      };
    });
    return [...(resident ? [resident] : []), ...caseHits, ...named, ...places].slice(0, limit);
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}

async function findResidentByIdNumber(ctx: RequestContext, q: string): Promise<PlaceHit | null> {
  const idNumber = normalizeIdNumber(q);
  if (idNumber.length !== 18 || !isValidIdNumber(idNumber) || !can(ctx, "resident.read")) return null;
  const scope = authorize(ctx, "resident.read");
  const row = await inScope(ctx.db, scope, async (trx) => {
    const found = await findResidentByIdHash(trx, hashIdNumber(idNumber), scope);
    if (found)
      await recordPiiAccess(trx, ctx, { kind: "lookup", field: "id_number", residentId: found.id, regionId: found.gridId });
    return found;
  });
  return row ? toResidentHit(row) : null;
}

/** Residents by name inside the resident area, each one shown logged ("lookup" of "name"); none without resident.read. */
async function findResidentsNamed(ctx: RequestContext, q: string): Promise<PlaceHit[]> {
  if (!NAME_QUERY.test(q) || !can(ctx, "resident.read")) return [];
  const scope = authorize(ctx, "resident.read");
  const rows = await inScope(ctx.db, scope, async (trx) => {
    const found = await findResidentsByName(trx, q, scope, MAX_NAME_HITS);
    for (const r of found)
      await recordPiiAccess(trx, ctx, { kind: "lookup", field: "name", residentId: r.id, regionId: r.gridId });
    return found;
  });
  return rows.map(toResidentHit);
}

/** A resident as a hit: the masked identity number and the home; a key person's name masked too. */
function toResidentHit(row: ResidentLookupRow): PlaceHit {
  return {
    kind: "resident",
    id: row.id,
    code: row.idNumberMasked,
    name: row.keyPerson ? maskName(row.name) : row.name,
    detail: `${row.idNumberMasked} · ${t.resident.roomAddress(row.buildingAddress, row.roomNumber)}`,
    level: null,
    badge: t.resident.searchBadge,
    bounds: [row.west, row.south, row.east, row.north],
  };
}

/** Cases by their number's start inside the case area; none without case.read. */
async function findCasesByNumber(ctx: RequestContext, q: string): Promise<PlaceHit[]> {
  if (!CASE_NUMBER_QUERY.test(q) || !can(ctx, "case.read")) return [];
  const scope = authorize(ctx, "case.read");
  const rows = await inScope(ctx.db, scope, (trx) => findCasesByNumberPrefix(trx, q.toUpperCase(), scope, MAX_CASE_HITS));
  return rows.map((r) => ({
    kind: "case",
    id: r.id,
    code: r.number,
    name: r.number,
    detail: [
      r.categoryName,
      caseLoop.stateLabels[r.state as keyof typeof caseLoop.stateLabels] ?? r.state,
      // Free text: identity numbers and phones typed into the address are masked (lib/case/case-pii.ts).
      r.address === null ? r.gridName : maskPersonalNumbers(r.address),
    ]
      .filter(Boolean)
      .join(" · "),
    level: null,
    badge: t.search.caseBadge,
    bounds: [r.lon, r.lat, r.lon, r.lat],
  }));
}
