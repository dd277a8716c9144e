import "server-only";
import { findResidentByIdHash } from "../../db/queries/resident";
import { inScope } from "../../db/queries/scope";
import { findPlaces } from "../../db/queries/search";
import { authorize, can } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput, wrapDatabaseError } from "../errors";
import { levelNameOf, type Bounds } from "../grid/dto";
import { t } from "../i18n";
import { isValidIdNumber, normalizeIdNumber } from "../pii/id-number";
import { maskName } from "../pii/mask";
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
  /** Found by a full identity number: `code` is the masked number, `bounds` the building's. */
  | { kind: "resident"; id: number; code: string; name: string; detail: string; level: null; badge: string; bounds: Bounds };

/** Hits that are places on the map (what the map's search handler flies to). */
export type MapPlaceHit = Exclude<PlaceHit, { kind: "resident" }>;

/**
 * Finds areas by name or code and buildings by name, address or code, inside the caller's scope.
 * A query that is a whole, valid identity number (GB 11643 check character) also finds that resident
 * by the keyed hash — exact match only, never a partial one — when the caller may read residents;
 * a found resident is logged ("lookup"). Nothing personal is ever matched with LIKE.
 */
export async function searchPlaces({ ctx, input }: { ctx: RequestContext; input: SearchPlacesInput }): Promise<PlaceHit[]> {
  const scope = authorize(ctx, "map.view");
  const { q, limit, kinds } = parseInput(SearchPlacesInput, input);
  try {
    const resident = kinds === "all" ? await findResidentByIdNumber(ctx, q) : null;
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
    return resident ? [resident, ...places].slice(0, limit) : places;
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
  if (!row) return null;
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
