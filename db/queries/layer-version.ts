import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../types";

/**
 * The bump of tile layer versions (`layer_version`, read by tiles/layer-version.ts): every write that changes
 * what a layer draws moves its version, which retires the layer's cached tiles. Written once, here.
 */

/**
 * The bump as one statement over the layer names a query yields: each becomes version 1 if new, else moves
 * by one. For statements that bump as a step of their own (the case clock's single statement, as a CTE).
 */
export function layerVersionBumpSql(layers: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    insert into layer_version (layer, version, changed_at)
    select layer, 1, now() from (${layers}) as bumped(layer)
    on conflict (layer) do update set version = layer_version.version + 1, changed_at = now()`;
}

/** Moves the versions of the given layers (inserting them at 1). Works inside a transaction. */
export async function bumpLayerVersions(db: Kysely<DB>, layers: readonly string[]): Promise<void> {
  if (layers.length === 0) return;
  await layerVersionBumpSql(sql`select unnest(${[...layers]}::text[])`).execute(db);
}
