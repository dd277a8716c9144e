import "server-only";
import type { Kysely } from "kysely";
import type postgres from "postgres";
import { bumpLayerVersions } from "../db/queries/layer-version";
import type { DB } from "../db/types";
import { LAYER_NAMES, type LayerName } from "./layers";

/**
 * Layer versions: a counter per tile layer in `layer_version`, bumped by every write that changes
 * what a layer draws (the seed, imports, edits). Tile cache keys and ETags carry the version, so a bump
 * retires every cached tile of that layer at once.
 *
 * Reading: the web process keeps the whole version map for VERSION_TTL_MS (one tiny query per second
 * at most, shared by all concurrent requests). Chosen over LISTEN/NOTIFY because it needs no dedicated
 * connection, survives connection poolers and reconnects, and also sees bumps written by other processes
 * (seed CLI, worker) without triggers; the price is that another process's change shows up to 1 s late.
 * A bump made in this process clears the map at once.
 */
export const VERSION_TTL_MS = 1000;

export type LayerVersions = Record<LayerName, number>;

/** Bumps the version of the given layers (inserting them at 1). Works inside a transaction. */
export async function bumpLayerVersion(db: Kysely<DB>, layers: readonly LayerName[]): Promise<void> {
  if (layers.length === 0) return;
  await bumpLayerVersions(db, layers);
  forgetLayerVersions();
}

type Cached = { at: number; versions: LayerVersions };
const state = globalThis as unknown as {
  gridatlasLayerVersions?: Cached;
  gridatlasLayerVersionsLoading?: Promise<LayerVersions>;
};

/** Reads every layer's version straight from the database (0 for a layer never bumped). */
export async function readLayerVersions(sql: postgres.Sql): Promise<LayerVersions> {
  const rows = await sql<{ layer: string; version: number }[]>`select layer, version from layer_version`;
  const versions = Object.fromEntries(LAYER_NAMES.map((l) => [l, 0])) as LayerVersions;
  for (const row of rows) if (row.layer in versions) versions[row.layer as LayerName] = Number(row.version);
  return versions;
}

/** The version map, at most VERSION_TTL_MS old; concurrent callers share one query. */
export async function currentLayerVersions(sql: postgres.Sql, now = Date.now()): Promise<LayerVersions> {
  const cached = state.gridatlasLayerVersions;
  if (cached && now - cached.at < VERSION_TTL_MS) return cached.versions;
  state.gridatlasLayerVersionsLoading ??= readLayerVersions(sql)
    .then((versions) => {
      state.gridatlasLayerVersions = { at: Date.now(), versions };
      return versions;
    })
    .finally(() => {
      state.gridatlasLayerVersionsLoading = undefined;
    });
  return state.gridatlasLayerVersionsLoading;
}

/** Drops the cached version map so the next tile reads fresh versions. */
export function forgetLayerVersions(): void {
  state.gridatlasLayerVersions = undefined;
}
