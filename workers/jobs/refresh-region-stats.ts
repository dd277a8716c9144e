import { bumpLayerVersions } from "../../db/queries/layer-version";
import { refreshRegionStats } from "../../db/queries/region";
import { defineJob } from "../job";

/**
 * Recomputes the per-region counts shown on the map and in the side panel (households, residents,
 * floating population, rented rooms, special groups, buildings) and bumps the region layers' version
 * so tile caches let go of stale counts. Enqueued after data changes; also runs nightly as a safety net.
 */
export const refreshRegionStatsJob = defineJob({
  name: "region-stats.refresh",
  async handle(_payload, { conn }) {
    await conn.db.transaction().execute(async (trx) => {
      await refreshRegionStats(trx);
      await bumpLayerVersions(trx, ["district", "street", "community", "xiaoqu", "grid"]);
    });
  },
});
