import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "./20261124T0900-access";

/**
 * What the case layers of the map need to answer a tile within 50 ms at full scale (a year ≈ 1 million cases),
 * measured with bench/case-tiles.ts:
 *
 * - case_map_open: a compact copy of the open cases (未办结, the map's default; a few percent of all cases)
 *   with their z14 aggregate cell, refreshed by workers/jobs/refresh-case-map-open.ts. The case layer's
 *   cells below z15 read it instead of case_record, where 20 thousand open cases lie on as many heap pages
 *   (a z10 tile took 100–400 ms; from the copy ~10 ms). Single cases (z15+) are always read live. It holds
 *   rows of case_record, so it has the same row-level security.
 * - the open cases alone in a GiST index, for single cases and filters the copy cannot answer. Its predicate
 *   is the literal list tiles/case-tile-sql.ts writes. (The clock never writes `state`, so its in-place HOT
 *   updates stay possible; see 20261125T0950-case-clock.)
 * - case_map_point: the view the tiles read case_record through. Under row-level security PostgreSQL may not
 *   evaluate a query's own condition before the policy unless the condition's operator is LEAKPROOF, and
 *   PostGIS's `&&` is not: the tile's bounding box could not use the GiST index, every case in the area was
 *   fetched and only then tested (a z15 tile of open cases: 150–300 ms). The view applies the same area rule
 *   as the policy — no row outside `gridatlas.scope` — as an ordinary condition (on the case's own grid path,
 *   which every parent region prefixes), so the planner combines it with the bounding box. It runs with its
 *   owner's rights (the owner is exempt from the policy); the application may read it, never the rows behind it.
 * - The copy's policy tests the row's own grid path too: a policy that looks the grids up in `region` costs
 *   a scan of the region table per statement (5–20 ms for the whole district).
 * - case_heat_total: the heat bins summed over every day and category, per basic grid and cell at the cell
 *   levels the heat tiles use (250 m × 2^level, levels 0–4): the heat map with no time or category filter
 *   (its default) reads a few thousand rows instead of a million bins. Kept by the statement that fills the
 *   bins (tiles/case-heat-bins.ts), derived again after a bulk load of bins.
 * - bins by cell: a heat tile selects a range of cells; the primary key leads with the day.
 */
const OPEN_STATES = [
  "reported",
  "filed",
  "dispatched",
  "acknowledged",
  "returned",
  "handled",
  "reported_back",
  "verifying",
  "suspended",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const openList = sql.join(OPEN_STATES.map((s) => sql.lit(s)));
  await sql`create index case_record_open_geom_idx on case_record using gist (geom_3857) where state in (${openList})`.execute(
    db,
  );

  await sql`
    create table case_map_open (
      id bigint primary key,
      grid_id integer not null references region(id) on delete cascade,
      region_path ltree not null,
      -- the z14 aggregate cell (CASE_CELLS_PER_TILE per tile side); coarser zooms shift it
      cell_x integer not null,
      cell_y integer not null,
      -- the point in EPSG:3857
      x double precision not null,
      y double precision not null,
      state text not null,
      light text,
      category_id integer not null,
      category_group text not null,
      source text not null,
      reported_at timestamptz not null
    )`.execute(db);
  await sql`create index case_map_open_cell_idx on case_map_open (cell_x, cell_y)`.execute(db);
  await sql`alter table case_map_open enable row level security`.execute(db);
  await sql`create policy case_map_open_in_scope on case_map_open using (region_path <@ gridatlas_scope())`.execute(db);
  await sql`
    create view case_map_point as
      select c.id, c.geom_3857, c.region_path, c.grid_id, c.state, c.light, c.category_id, c.urgency, c.source, c.level, c.reported_at
        from case_record c
       where c.region_path <@ gridatlas_scope()`.execute(db);
  // The `case` layer version the copy was made at (one row): the refresh skips when nothing changed since.
  await sql`
    create table case_map_open_state (
      singleton boolean primary key default true check (singleton),
      case_version bigint not null,
      refreshed_at timestamptz not null
    )`.execute(db);

  await sql`create index case_heat_bin_cell_idx on case_heat_bin (cell_x, cell_y, day) include (category_id, grid_id, count)`.execute(
    db,
  );
  await sql`
    create table case_heat_total (
      level smallint not null check (level between 0 and 4),
      cell_x integer not null,
      cell_y integer not null,
      grid_id integer not null references region(id) on delete cascade,
      count integer not null check (count >= 0),
      primary key (level, cell_x, cell_y, grid_id)
    )`.execute(db);
  await sql`
    insert into case_heat_total (level, cell_x, cell_y, grid_id, count)
    select lv, b.cell_x >> lv, b.cell_y >> lv, b.grid_id, sum(b.count)::int
      from case_heat_bin b cross join generate_series(0, 4) lv
     group by 1, 2, 3, 4`.execute(db);

  for (const table of ["case_map_point", "case_map_open", "case_heat_total"])
    await sql`grant select on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table case_heat_total`.execute(db);
  await sql`drop index case_heat_bin_cell_idx`.execute(db);
  await sql`drop view case_map_point`.execute(db);
  await sql`drop table case_map_open_state`.execute(db);
  await sql`drop table case_map_open`.execute(db);
  await sql`drop index case_record_open_geom_idx`.execute(db);
}
