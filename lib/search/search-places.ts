import "server-only";
import { findPlaces } from "../../db/queries/search";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput, wrapDatabaseError } from "../errors";
import { levelNameOf, type Bounds } from "../grid/dto";
import { t } from "../i18n";
import { SearchPlacesInput } from "./schemas";

export type PlaceHit =
  | { kind: "region"; id: number; code: string; name: string; detail: string | null; level: number; badge: string; bounds: Bounds }
  | { kind: "building"; id: number; code: string; name: string; detail: string | null; level: null; badge: string; bounds: Bounds };

/** Finds areas by name or code and buildings by name, address or code, inside the caller's scope. */
export async function searchPlaces({ ctx, input }: { ctx: RequestContext; input: SearchPlacesInput }): Promise<PlaceHit[]> {
  const scope = authorize(ctx, "map.view");
  const { q, limit } = parseInput(SearchPlacesInput, input);
  const rows = await findPlaces(ctx.db, q, scope, limit).catch((e) => {
    throw wrapDatabaseError(e);
  });
  return rows.map((r): PlaceHit => {
    const bounds: Bounds = [r.west, r.south, r.east, r.north];
    if (r.kind === "region") {
      return { kind: "region", id: r.id, code: r.code, name: r.name, detail: r.detail, level: r.level ?? 0, badge: levelNameOf(r.level ?? 0, r.regionKind ?? ""), bounds };
    }
    return { kind: "building", id: r.id, code: r.code, name: r.name, detail: r.detail, level: null, badge: t.building.types[r.buildingType ?? ""] ?? t.search.building, bounds };
  });
}
