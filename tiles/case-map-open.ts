import { sql, type Kysely } from "kysely";
import { OPEN_STATES } from "../lib/case/case-states";
import { CASE_CELLS_PER_TILE, CASE_POINTS_MINZOOM } from "./layers";
import { tileSize3857 } from "./tile-math";
import type { DB } from "../db/types";

/**
 * case_map_open: a compact copy of the open cases for the case layer's cells below z15 (see migration
 * 20261125T0920-case-map for why). Rebuilt in one transaction whenever the `case` tile layer's version moved
 * since the last copy (the case clock and every case change bump it); the rebuild bumps it once more, so
 * tiles drawn from the old copy in between retire. Single cases at z15+ never read the copy.
 */

/** The zoom whose aggregate cells the copy stores; coarser zooms shift them (cells nest with the tiles). */
export const OPEN_COPY_ZOOM = CASE_POINTS_MINZOOM - 1;
/** Side of an OPEN_COPY_ZOOM cell in EPSG:3857 metres. */
export const OPEN_COPY_CELL_M = tileSize3857(OPEN_COPY_ZOOM) / CASE_CELLS_PER_TILE;

const OPEN_LIST = sql.join(OPEN_STATES.map((s) => sql.lit(s)));

export type OpenCopyResult = { refreshed: boolean; cases: number; caseVersion: number };

/**
 * Refreshes the copy unless it was made at the current `case` version (or `force`). The `case` row of
 * layer_version is locked for the transaction: a writer that bumps it meanwhile (the clock) waits, so its
 * changes are either in the copy or bump the version after it — never lost behind a recorded version.
 */
export async function refreshCaseMapOpen(db: Kysely<DB>, options: { force?: boolean } = {}): Promise<OpenCopyResult> {
  return db.transaction().execute(async (trx) => {
    await sql`insert into layer_version (layer, version, changed_at) values ('case', 1, now()) on conflict (layer) do nothing`.execute(
      trx,
    );
    const { rows: versionRows } = await sql<{
      version: number;
    }>`select version from layer_version where layer = 'case' for update`.execute(trx);
    const current = Number(versionRows[0].version);
    const { rows: stateRows } = await sql<{ case_version: number }>`select case_version from case_map_open_state`.execute(trx);
    if (!options.force && stateRows.length && Number(stateRows[0].case_version) === current) {
      return { refreshed: false, cases: -1, caseVersion: current };
    }
    await sql`delete from case_map_open`.execute(trx);
    const inserted = await sql`
      insert into case_map_open (id, grid_id, region_path, cell_x, cell_y, x, y, state, light, category_id, category_group, source, reported_at)
      select c.id, c.grid_id, c.region_path,
             floor(st_x(c.geom_3857) / ${OPEN_COPY_CELL_M}::float8)::int, floor(st_y(c.geom_3857) / ${OPEN_COPY_CELL_M}::float8)::int,
             st_x(c.geom_3857), st_y(c.geom_3857), c.state, c.light, c.category_id, k.grp, c.source, c.reported_at
        from case_record c
        join case_category k on k.id = c.category_id
       where c.state in (${OPEN_LIST})`.execute(trx);
    const { rows: bumped } = await sql<{ version: number }>`
      update layer_version set version = version + 1, changed_at = now() where layer = 'case' returning version`.execute(trx);
    const version = Number(bumped[0].version);
    await sql`
      insert into case_map_open_state (singleton, case_version, refreshed_at) values (true, ${version}, now())
      on conflict (singleton) do update set case_version = excluded.case_version, refreshed_at = excluded.refreshed_at`.execute(
      trx,
    );
    return { refreshed: true, cases: Number(inserted.numAffectedRows ?? 0), caseVersion: version };
  });
}
