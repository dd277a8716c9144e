import "server-only";
import type postgres from "postgres";
import { caseTileStatement } from "./case-tile-sql";
import { scopeLiteral } from "../db/queries/scope";
import { caseMap } from "../lib/i18n/zh-CN/case-map";
import { caseFilterKey, parseCaseFilter, type CaseTileFilter } from "./case-filter";
import type { CaseLayerName } from "./layers";
import type { TileScope } from "./tile-scope";
import type { TileCoord } from "./tile-math";

/**
 * The case layers on the tile path: their filters, their cache variant, and rendering inside a transaction
 * that sets `gridatlas.scope`: case_record has row-level security for the application role, and the tiles
 * read it through the view case_map_point, which applies the same area rule (outside that setting there are
 * no rows at all). The statement also filters by the scope itself (defence in depth).
 */

/**
 * How long a rendered case tile may be reused however the layer version reads. The version is the real
 * signal (the case clock bumps `case` every minute in which anything changed; the heat job bumps
 * `case_heat` whenever it bins cases); this bound only limits the damage of a writer that forgets to bump
 * (a reseed, a manual fix): the cache key and ETag carry the time bucket, so such a change shows within it.
 */
export const CASE_TILE_TTL_MS = 5 * 60_000;

/** The filter params the heat layer refuses: its bins know day, category and grid only. */
const NOT_FOR_HEAT = ["state", "light", "source"] as const;

export type CaseQueryResult = { ok: true; filter: CaseTileFilter } | { ok: false; param: string; message: string };

/** Validates a case layer's query string (`?state=open&light=red`). */
export function parseCaseTileQuery(layer: CaseLayerName, search: string | URLSearchParams): CaseQueryResult {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  if (layer === "case_heat") {
    for (const name of NOT_FOR_HEAT) {
      if (params.has(name)) return { ok: false, param: name, message: caseMap.filterErrors.heatOnly(name) };
    }
  }
  return parseCaseFilter(params);
}

/** The cache-key/ETag variant of a case tile: its canonical filter and the current TTL bucket. */
export function caseTileVariant(filter: CaseTileFilter, now = Date.now()): string {
  return `${caseFilterKey(filter)}#${Math.floor(now / CASE_TILE_TTL_MS)}`;
}

export type RenderCaseTileInput = TileCoord & { layer: CaseLayerName; scope: TileScope; filter: CaseTileFilter };

/**
 * Renders one case-layer tile as raw MVT. With a scope, the statement runs in a transaction whose
 * `gridatlas.scope` is that scope (the heat bins carry no personal rows and no row-level security, but
 * the same path keeps both layers alike). A null scope (tests, benchmark floors as the owner) runs bare.
 */
export async function renderCaseTile(
  sql: postgres.Sql,
  { layer, z, x, y, scope, filter }: RenderCaseTileInput,
): Promise<Uint8Array> {
  const { text, params } = caseTileStatement(layer, { z, x, y }, scope, filter);
  const run = (q: postgres.Sql | postgres.TransactionSql) =>
    q.unsafe<{ mvt: Uint8Array }[]>(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
  if (scope === null) return (await run(sql))[0]?.mvt ?? new Uint8Array(0);
  const rows = await sql.begin(async (tx) => {
    await tx.unsafe(`select set_config('gridatlas.scope', $1, true)`, [scopeLiteral(scope)], { prepare: true });
    return run(tx);
  });
  return (rows as { mvt: Uint8Array }[])[0]?.mvt ?? new Uint8Array(0);
}
