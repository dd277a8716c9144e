import { sql } from "kysely";
import { z } from "zod";
import { defineJob } from "../job";

/**
 * Recomputes the per-region counts shown on the map and in the side panel (households, residents,
 * floating population, rented rooms, special groups, buildings) and bumps the region layers' version
 * so tile caches let go of stale counts. Enqueued after data changes; also runs nightly as a safety net.
 */
export const refreshRegionStatsJob = defineJob({
  name: "region-stats.refresh",
  payload: z.object({ reason: z.string().max(200).optional() }),
  schedule: "15 2 * * *",
  async handle(_payload, { conn }) {
    await conn.db.transaction().execute(async (trx) => {
      await sql`select refresh_region_stats()`.execute(trx);
      await sql`
        insert into layer_version (layer, version, changed_at)
        select layer, 1, now() from unnest(array['district', 'street', 'community', 'xiaoqu', 'grid']) as layer
        on conflict (layer) do update set version = layer_version.version + 1, changed_at = now()`.execute(trx);
    });
  },
});
