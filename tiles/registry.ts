import { scopeLiteral, type Scope } from "../db/queries/scope";
import "server-only";
import { LAYERS, type LayerMeta, type PlainLayerName } from "./layers";
import { extentUnit3857 } from "./tile-math";

/**
 * The tile layer registry: for each layer (except the case layers, whose SQL depends on their filters:
 * tiles/case-tile-sql.ts, tiles/case-tiles.ts) its fixed SQL (one statement per layer and scope mode,
 * prepared once per connection by postgres.js), and its per-zoom simplification.
 *
 * Statement parameters (see `layerParams`):
 *   $1 z, $2 x, $3 y (integers, validated before they get here)
 *   $4 simplification tolerance in EPSG:3857 metres (0 = none), for layers that simplify
 *   then the caller's scope, an ltree[] of region paths (only in the scoped variant)
 *
 * Every statement:
 * - filters with `geom_3857 && ST_TileEnvelope(z, x, y, margin)` so the GIST index on geom_3857 picks
 *   the rows; the margin equals the MVT buffer, so features just outside the tile still draw their
 *   stroke/label across the edge;
 * - clips and quantises with ST_AsMVTGeom(extent 4096, buffer 64);
 * - promotes the row id to the MVT feature id (ST_AsMVT(..., 'id')), so the client can highlight with
 *   feature-state without refetching.
 */

export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;

/**
 * Bumped when a layer's SQL or attributes change shape, so ETags and cache keys from an older
 * deployment stop matching.
 */
export const TILE_SCHEMA_VERSION = 1;

type Simplify = {
  /** Tolerance in MVT extent units (1/4096 of a tile; a 512-px tile draws 8 units per screen pixel). */
  units: number;
  /** Simplify only up to this zoom: above it features are small against the tile and the cost is wasted. */
  untilZoom: number;
};

export type LayerDef = LayerMeta & {
  simplify?: Simplify;
  /** Builds the statement; `scopeFilter` is empty for the whole district or a predicate on $5. */
  sql: (scoped: boolean) => string;
};

const ENVELOPE = `st_tileenvelope($1::int, $2::int, $3::int)`;
const PROBE = `st_tileenvelope($1::int, $2::int, $3::int, margin => ${TILE_BUFFER / TILE_EXTENT})`;
const MVTGEOM = (geom: string) => `st_asmvtgeom(${geom}, ${ENVELOPE}, ${TILE_EXTENT}, ${TILE_BUFFER}, true)`;
// Replaced by the scope parameter's position once the layer's parameter list is known.
const SCOPE = "{{scope}}";

function asMvt(from: string, layer: string) {
  return `coalesce((select st_asmvt(t, '${layer}', ${TILE_EXTENT}, 'geom', 'id') from ${from} t where t.geom is not null), ''::bytea)`;
}

/**
 * A region level: polygons (simplified at low zooms) plus one label point per region in `<layer>_label`.
 * Simplification uses ST_Simplify, not ST_SimplifyPreserveTopology: measured on the medium district,
 * 245 communities in a z11 tile took 51 ms with the topology-preserving variant against 8 ms, and the
 * rings ST_Simplify may break are repaired by ST_AsMVTGeom, which validates what it clips (PostGIS ≥ 3).
 * The tolerance is capped at 1/40 of the region's width + height, so a region only a few pixels wide
 * (the district at z0–z4) keeps its shape instead of collapsing to a sliver the MVT grid then drops.
 * The label point is the stored point-on-surface of the polygon, so the polygon's bbox filter (GIST)
 * already finds every label point near the tile.
 */
function regionSql(meta: LayerMeta): (scoped: boolean) => string {
  const level = meta.regionLevel!;
  return (scoped) => {
    const scopeFilter = scoped ? `and r.path <@ ${SCOPE}` : "";
    // One index scan feeds both source-layers (the rows are materialised once).
    return `
      with rows as materialized (
        select r.id, r.code, r.name, r.level, r.kind, r.households, r.residents, r.floating_residents,
               r.rented_rooms, r.special_group_residents, r.buildings, r.geom_3857, r.label_point
          from region r
         where r.level = ${level} and r.geom_3857 && ${PROBE} ${scopeFilter}
      ), polygons as (
        select r.id, r.code, r.name, r.level::int as level, r.kind,
               r.households, r.residents, r.floating_residents as floating, r.rented_rooms as rented,
               r.special_group_residents as special, r.buildings,
               ${MVTGEOM(`case when $4::float8 > 0 then st_simplify(r.geom_3857, least($4::float8, (st_xmax(r.geom_3857) - st_xmin(r.geom_3857) + st_ymax(r.geom_3857) - st_ymin(r.geom_3857)) / 40), true) else r.geom_3857 end`)} as geom
          from rows r
      ), labels as (
        select r.id, r.code, r.name, r.level::int as level, ${MVTGEOM("r.label_point")} as geom
          from rows r
         where r.label_point && ${PROBE}
      )
      select ${asMvt("polygons", meta.name)} || ${asMvt("labels", meta.labelLayer!)} as mvt`;
  };
}

/**
 * Things in a basic grid (buildings, organisations, components) follow the scope through their grid:
 * the grids in scope are few (one street ≈ 100), so the planner hashes them once per tile.
 */
function gridScope(alias: string, scoped: boolean) {
  return scoped ? `and ${alias}.grid_id in (select g.id from region g where g.level = 4 and g.path <@ ${SCOPE})` : "";
}

const definitions: Record<PlainLayerName, Omit<LayerDef, keyof LayerMeta>> = {
  district: { simplify: { units: 2, untilZoom: 15 }, sql: regionSql(LAYERS.district) },
  street: { simplify: { units: 2, untilZoom: 15 }, sql: regionSql(LAYERS.street) },
  community: { simplify: { units: 2, untilZoom: 15 }, sql: regionSql(LAYERS.community) },
  xiaoqu: { simplify: { units: 2, untilZoom: 15 }, sql: regionSql(LAYERS.xiaoqu) },
  grid: { simplify: { units: 2, untilZoom: 15 }, sql: regionSql(LAYERS.grid) },
  building: {
    sql: (scoped) => `
      with features as (
        select b.id, b.name, b.address, b.type, b.floors::int as floors, b.grid_id, ${MVTGEOM("b.geom_3857")} as geom
          from building b
         where b.geom_3857 && ${PROBE} ${gridScope("b", scoped)}
      )
      select ${asMvt("features", "building")} as mvt`,
  },
  organization: {
    sql: (scoped) => `
      with features as (
        select o.id, o.name, o.kind, ${MVTGEOM("o.geom_3857")} as geom
          from organization o
         where o.geom_3857 && ${PROBE} ${gridScope("o", scoped)}
      )
      select ${asMvt("features", "organization")} as mvt`,
  },
  component: {
    sql: (scoped) => `
      with features as (
        select c.id, c.code, c.kind, ${MVTGEOM("c.geom_3857")} as geom
          from component c
         where c.geom_3857 && ${PROBE} ${gridScope("c", scoped)}
      )
      select ${asMvt("features", "component")} as mvt`,
  },
  // Attendance fences (考勤点), with one label point each; inactive ones too (the points page draws them grey,
  // the console map filters them out). They follow the scope through their region.
  fence: {
    sql: (scoped) => `
      with rows as materialized (
        select p.id, p.name, p.shape, p.active, p.region_id, p.geom_3857
          from attendance_point p ${scoped ? "join region g on g.id = p.region_id" : ""}
         where p.geom_3857 && ${PROBE} ${scoped ? `and g.path <@ ${SCOPE}` : ""}
      ), polygons as (
        select r.id, r.name, r.shape, r.active, r.region_id, ${MVTGEOM("r.geom_3857")} as geom from rows r
      ), labels as (
        select r.id, r.name, r.active, ${MVTGEOM("st_pointonsurface(r.geom_3857)")} as geom from rows r
      )
      select ${asMvt("polygons", "fence")} || ${asMvt("labels", "fence_label")} as mvt`,
  },
  // Roads and water are public: the scope does not apply to the basemap.
  basemap: {
    simplify: { units: 2, untilZoom: 15 },
    sql: () => `
      with features as (
        select m.id, m.kind, m.name,
               ${MVTGEOM(`case when $4::float8 > 0 then st_simplify(m.geom_3857, $4::float8) else m.geom_3857 end`)} as geom
          from map_feature m
         where m.geom_3857 && ${PROBE} and ($1::int >= 12 or m.kind <> 'road_minor')
      )
      select ${asMvt("features", "basemap")} as mvt`,
  },
};

export const REGISTRY: Record<PlainLayerName, LayerDef> = Object.fromEntries(
  Object.entries(definitions).map(([name, def]) => [name, { ...LAYERS[name as PlainLayerName], ...def }]),
) as Record<PlainLayerName, LayerDef>;

/** Layers whose features follow the caller's area scope (all but the public basemap). */
export function layerIsScoped(layer: PlainLayerName) {
  return layer !== "basemap";
}

/** The statement's parameters, in the order its text numbers them. */
export function layerParams(layer: PlainLayerName, tile: { z: number; x: number; y: number }, scope: Scope | null) {
  const params: (number | string)[] = [tile.z, tile.x, tile.y];
  if (REGISTRY[layer].simplify) params.push(simplifyTolerance(layer, tile.z));
  if (scope !== null && layerIsScoped(layer)) params.push(scopeLiteral(scope));
  return params;
}

/** Simplification tolerance in metres for a layer at zoom z (0 when the layer does not simplify there). */
export function simplifyTolerance(layer: PlainLayerName, z: number): number {
  const s = REGISTRY[layer].simplify;
  if (!s || z > s.untilZoom) return 0;
  return extentUnit3857(z) * s.units;
}

const statements = new Map<string, string>();

/** The layer's statement text, built once: postgres.js keys prepared statements on the exact text. */
export function layerStatement(layer: PlainLayerName, scoped: boolean): string {
  const key = `${layer}:${scoped}`;
  let text = statements.get(key);
  if (!text) {
    const def = REGISTRY[layer];
    const scopeParam = `$${def.simplify ? 5 : 4}::ltree[]`;
    text = def
      .sql(scoped && layerIsScoped(layer))
      .replaceAll(SCOPE, scopeParam)
      .replace(/\s+/g, " ")
      .trim();
    statements.set(key, text);
  }
  return text;
}
