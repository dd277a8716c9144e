import { scopeLiteral, type Scope } from "../db/queries/scope";
import { OPEN_STATES } from "../lib/case/case-states";
import { localDayStart, nextLocalDate, stateGroupOf, type CaseTileFilter } from "./case-filter";
import { CASE_CELLS_PER_TILE, CASE_POINTS_MINZOOM, HEAT_CELL_M, heatLevelAt, type CaseLayerName } from "./layers";
import { tileBounds3857, tileSize3857, type TileCoord } from "./tile-math";
import { OPEN_COPY_ZOOM } from "./case-map-open";

/**
 * The SQL of the case tile layers (`case`, `case_heat`). Unlike the fixed statements of tiles/registry.ts,
 * the text depends on which filters are present: a filter that is absent is left out of the statement
 * instead of being written `($n is null or …)`, so the planner sees the predicates it has to serve (a
 * generic plan of an all-optional statement cannot pick the open-case or time index). Each shape is still
 * one fixed text, prepared once per connection by postgres.js.
 *
 * Both layers filter on the caller's area: `case` by the case's region_path and through the view
 * case_map_point (case_record with the area rule of its row-level security as an ordinary condition, so the
 * tile's bounding box still uses the GiST index; it needs `gridatlas.scope` set in the transaction —
 * tiles/case-tiles.ts does that), `case_heat` by the bins' basic grid. Heat tiles read the bins only.
 */

export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;

export { HEAT_CELL_M, heatLevelAt };

export type CaseTileStatement = { text: string; params: (string | number | number[] | string[])[] };

const ENVELOPE = `st_tileenvelope($1::int, $2::int, $3::int)`;
const GROUPS = ["dispute", "hazard", "component", "event", "hotline"] as const;
const PROBE = `st_tileenvelope($1::int, $2::int, $3::int, margin => ${TILE_BUFFER / TILE_EXTENT})`;

/** Collects parameters in the order the text numbers them ($1–$3 are z, x, y). */
function paramList(tile: TileCoord) {
  const params: CaseTileStatement["params"] = [tile.z, tile.x, tile.y];
  const add = (value: CaseTileStatement["params"][number], cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  return { params, add };
}

/** The category ids and every descendant (the tree is small: one recursive walk per statement). */
function categorySubtree(param: string) {
  return `(with recursive sub(id) as (
             select id from case_category where id = any(${param})
             union
             select k.id from case_category k join sub on k.parent_id = sub.id
           ) select id from sub)`;
}

/** `state in ('reported', …)`: the exact predicate of the open-case GiST index (migration 20261125T0920-case-map). */
const OPEN_STATE_SQL = `c.state in (${OPEN_STATES.map((s) => `'${s}'`).join(", ")})`;

/**
 * The predicates of a case filter on case_record `c`. The open states are written as a literal list, not a
 * parameter: then even a generic plan of the prepared statement can prove the open-case index applies. A
 * light filter implies the open states too (only an open case has a light; the clock clears it otherwise).
 */
function caseFilterSql(filter: CaseTileFilter, add: ReturnType<typeof paramList>["add"], openCopy = false): string {
  const t = openCopy ? "o" : "c";
  const where: string[] = [];
  if (filter.from) where.push(`${t}.reported_at >= ${add(localDayStart(filter.from), "timestamptz")}`);
  if (filter.to) where.push(`${t}.reported_at < ${add(localDayStart(nextLocalDate(filter.to)), "timestamptz")}`);
  if (filter.categoryIds.length) where.push(`${t}.category_id in ${categorySubtree(add(filter.categoryIds, "int[]"))}`);
  const open = stateGroupOf(filter.states) === "open";
  // the open copy holds open cases only: the open group needs no predicate there
  if (!openCopy && (open || (filter.lights.length && !filter.states.length))) where.push(OPEN_STATE_SQL);
  if (filter.states.length && !open) where.push(`${t}.state = any(${add(filter.states, "text[]")})`);
  if (filter.lights.length) where.push(`${t}.light = any(${add(filter.lights, "text[]")})`);
  if (filter.sources.length) where.push(`${t}.source = any(${add(filter.sources, "text[]")})`);
  return where.map((w) => `and ${w}`).join(" ");
}

/** True when a filter can only match open cases (the open group, open states, or a light): the open copy answers it. */
export function onlyOpenCases(filter: CaseTileFilter): boolean {
  if (filter.states.length) return filter.states.every((s) => OPEN_STATES.includes(s));
  return filter.lights.length > 0;
}

/**
 * The `case` layer at zoom ≥ CASE_POINTS_MINZOOM: one point per case, the case id as the MVT feature id
 * (the map fetches the detail with it), and what the style colours and filters by.
 */
function casePointsSql(tile: TileCoord, scope: Scope | null, filter: CaseTileFilter): CaseTileStatement {
  const { params, add } = paramList(tile);
  const scopeSql = scope ? `and c.region_path <@ ${add(scopeLiteral(scope), "ltree[]")}` : "";
  const filterSql = caseFilterSql(filter, add);
  const text = `
    with features as (
      select c.id, c.light, c.state, c.category_id, k.grp as category_group, c.urgency, c.source, c.level,
             st_asmvtgeom(c.geom_3857, ${ENVELOPE}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom
        from case_map_point c
        join case_category k on k.id = c.category_id
       where c.geom_3857 && ${PROBE} ${scopeSql} ${filterSql}
    )
    select coalesce((select st_asmvt(t, 'case', ${TILE_EXTENT}, 'geom', 'id') from features t where t.geom is not null), ''::bytea) as mvt`;
  return { text: squash(text), params };
}

/**
 * The `case` layer below CASE_POINTS_MINZOOM: the tile is cut into CASE_CELLS_PER_TILE² cells (aligned with
 * the tile pyramid, so each case counts in exactly one cell of one tile); each cell with cases becomes one
 * point at the mean position of its cases, with `count`, the counts by light and its most frequent category
 * group. No feature id: a cell is not a case (a click zooms in).
 */
function caseCellsSql(tile: TileCoord, scope: Scope | null, filter: CaseTileFilter): CaseTileStatement {
  if (onlyOpenCases(filter)) return openCellsSql(tile, scope, filter);
  const { params, add } = paramList(tile);
  const cell = tileSize3857(tile.z) / CASE_CELLS_PER_TILE;
  const cellParam = add(cell, "float8");
  const { cx0, cy0 } = firstCellOf(tile);
  const cx0Param = add(cx0, "int");
  const cy0Param = add(cy0, "int");
  const scopeSql = scope ? `and c.region_path <@ ${add(scopeLiteral(scope), "ltree[]")}` : "";
  const filterSql = caseFilterSql(filter, add);
  const text = `
    with cells as materialized (
      select floor(st_x(c.geom_3857) / ${cellParam})::int as cx, floor(st_y(c.geom_3857) / ${cellParam})::int as cy,
             count(*)::int as count,
             (count(*) filter (where c.light = 'red'))::int as red,
             (count(*) filter (where c.light = 'yellow'))::int as yellow,
             (count(*) filter (where c.light = 'green'))::int as green,
             ${GROUPS.map((g) => `count(*) filter (where k.grp = '${g}') as n_${g}`).join(", ")},
             avg(st_x(c.geom_3857)) as mx, avg(st_y(c.geom_3857)) as my
        from case_map_point c
        join case_category k on k.id = c.category_id
       where c.geom_3857 && ${ENVELOPE} ${scopeSql} ${filterSql}
       group by 1, 2
    ), ${cellFeaturesSql(cx0Param, cy0Param)}`;
  return { text: squash(text), params };
}

/** The cells' output: counts by light, the most frequent group, the mean position, clipped to the tile. */
function cellFeaturesSql(cx0Param: string, cy0Param: string) {
  return `features as (
      select count, red, yellow, green,
             case greatest(${GROUPS.map((g) => `n_${g}`).join(", ")}) ${GROUPS.map((g) => `when n_${g} then '${g}'`).join(" ")} end as top_group,
             st_asmvtgeom(st_setsrid(st_makepoint(mx, my), 3857), ${ENVELOPE}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom
        from cells
       where cx between ${cx0Param} and ${cx0Param} + ${CASE_CELLS_PER_TILE - 1}
         and cy between ${cy0Param} and ${cy0Param} + ${CASE_CELLS_PER_TILE - 1}
    )
    select coalesce((select st_asmvt(t, 'case', ${TILE_EXTENT}, 'geom') from features t where t.geom is not null), ''::bytea) as mvt`;
}

/**
 * The same cells as caseCellsSql, for filters that match open cases only (the map's default), read from
 * the compact copy case_map_open (tiles/case-map-open.ts): its z14 cell indexes shifted to this zoom.
 */
function openCellsSql(tile: TileCoord, scope: Scope | null, filter: CaseTileFilter): CaseTileStatement {
  const { params, add } = paramList(tile);
  const shift = OPEN_COPY_ZOOM - tile.z;
  const { cx0, cy0 } = firstCellOf(tile);
  const shiftParam = add(shift, "int");
  const cx0Param = add(cx0, "int");
  const cy0Param = add(cy0, "int");
  const range = (first: number) => [first * 2 ** shift, (first + CASE_CELLS_PER_TILE) * 2 ** shift - 1];
  const [ax, bx] = range(cx0);
  const [ay, by] = range(cy0);
  const scopeSql = scope ? `and o.region_path <@ ${add(scopeLiteral(scope), "ltree[]")}` : "";
  const text = `
    with cells as materialized (
      select o.cell_x >> ${shiftParam} as cx, o.cell_y >> ${shiftParam} as cy,
             count(*)::int as count,
             (count(*) filter (where o.light = 'red'))::int as red,
             (count(*) filter (where o.light = 'yellow'))::int as yellow,
             (count(*) filter (where o.light = 'green'))::int as green,
             ${GROUPS.map((g) => `count(*) filter (where o.category_group = '${g}') as n_${g}`).join(", ")},
             avg(o.x) as mx, avg(o.y) as my
        from case_map_open o
       where o.cell_x between ${add(ax, "int")} and ${add(bx, "int")} and o.cell_y between ${add(ay, "int")} and ${add(by, "int")}
             ${scopeSql} ${caseFilterSql(filter, add, true)}
       group by 1, 2
    ), ${cellFeaturesSql(cx0Param, cy0Param)}`;
  return { text: squash(text), params };
}

/** The tile's first aggregate cell: exact integers, because tiles and cells share the world's origin. */
function firstCellOf(tile: TileCoord) {
  return {
    cx0: tile.x * CASE_CELLS_PER_TILE - 2 ** tile.z * (CASE_CELLS_PER_TILE / 2),
    cy0: 2 ** tile.z * (CASE_CELLS_PER_TILE / 2) - (tile.y + 1) * CASE_CELLS_PER_TILE,
  };
}

/**
 * The `case_heat` layer: the centres of the heat cells whose centre lies in the tile (each cell belongs to
 * exactly one tile), with `weight` = the cases binned there over the time range and categories (summed from
 * case_heat_bin, or from its all-time totals case_heat_total when there is no filter). The feature
 * id is the cell (unique at its level), so the client can drop a cell seen in two loaded tiles.
 */
function heatSql(tile: TileCoord, scope: Scope | null, filter: CaseTileFilter): CaseTileStatement {
  const { params, add } = paramList(tile);
  const level = heatLevelAt(tile.z);
  const factor = 2 ** level;
  const size = HEAT_CELL_M * factor;
  const [xmin, ymin, xmax, ymax] = tileBounds3857(tile);
  const cx0 = Math.ceil(xmin / size - 0.5);
  const cx1 = Math.ceil(xmax / size - 0.5) - 1;
  const cy0 = Math.ceil(ymin / size - 0.5);
  const cy1 = Math.ceil(ymax / size - 0.5) - 1;
  const levelParam = add(level, "int");
  // No time or category filter (the heat map's default): the all-time totals, kept per cell level.
  const totals = !filter.from && !filter.to && !filter.categoryIds.length;
  const where = totals
    ? [
        `b.level = ${levelParam}`,
        `b.cell_x between ${add(cx0, "int")} and ${add(cx1, "int")}`,
        `b.cell_y between ${add(cy0, "int")} and ${add(cy1, "int")}`,
      ]
    : [
        `b.cell_x between ${add(cx0 * factor, "int")} and ${add((cx1 + 1) * factor - 1, "int")}`,
        `b.cell_y between ${add(cy0 * factor, "int")} and ${add((cy1 + 1) * factor - 1, "int")}`,
      ];
  if (scope)
    where.push(`b.grid_id in (select g.id from region g where g.level = 4 and g.path <@ ${add(scopeLiteral(scope), "ltree[]")})`);
  if (filter.from) where.push(`b.day >= ${add(filter.from, "date")}`);
  if (filter.to) where.push(`b.day <= ${add(filter.to, "date")}`);
  if (filter.categoryIds.length) where.push(`b.category_id in ${categorySubtree(add(filter.categoryIds, "int[]"))}`);
  const sizeParam = add(size, "float8");
  const cells = totals
    ? `select b.cell_x as cx, b.cell_y as cy, sum(b.count)::int as weight from case_heat_total b`
    : `select b.cell_x >> ${levelParam} as cx, b.cell_y >> ${levelParam} as cy, sum(b.count)::int as weight from case_heat_bin b`;
  const text = `
    with cells as materialized (
      ${cells}
       where ${where.join(" and ")}
       group by 1, 2
    ), features as (
      select (cx + 1048576)::bigint * 2097152 + (cy + 1048576) as id, weight, ${levelParam} as k,
             st_asmvtgeom(st_setsrid(st_makepoint((cx::float8 + 0.5) * ${sizeParam}, (cy::float8 + 0.5) * ${sizeParam}), 3857), ${ENVELOPE}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom
        from cells
       where weight > 0
    )
    select coalesce((select st_asmvt(t, 'case_heat', ${TILE_EXTENT}, 'geom', 'id') from features t where t.geom is not null), ''::bytea) as mvt`;
  return { text: squash(text), params };
}

/*
 * Both aggregating statements materialise their cells first: otherwise the planner pushes the outer
 * `geom is not null` (an ST_AsMVTGeom of the grouping keys) below the GROUP BY and runs it once per row
 * instead of once per cell — measured on the medium district: 410 ms instead of 60 ms for a z10 heat tile.
 */

/** The statement and parameters of one case-layer tile. A null scope means the whole database (tests, benchmarks). */
export function caseTileStatement(
  layer: CaseLayerName,
  tile: TileCoord,
  scope: Scope | null,
  filter: CaseTileFilter,
): CaseTileStatement {
  if (layer === "case_heat") return heatSql(tile, scope, filter);
  return tile.z >= CASE_POINTS_MINZOOM ? casePointsSql(tile, scope, filter) : caseCellsSql(tile, scope, filter);
}

function squash(text: string) {
  return text.replace(/\s+/g, " ").trim();
}
