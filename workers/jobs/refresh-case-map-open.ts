import { refreshCaseMapOpen } from "../../tiles/case-map-open";
import { defineJob } from "../job";

/**
 * Keeps case_map_open, the compact copy of the open cases that the map's case cells below z15 read, in step
 * with case_record: every minute, when the `case` tile layer's version moved since the last copy (the clock
 * and every case change bump it). The cells are therefore at most about a minute behind; single cases
 * (z15 and closer) are always read live.
 */
export const refreshCaseMapOpenJob = defineJob({
  name: "case-map.refresh-open",
  async handle(payload, { conn }) {
    await refreshCaseMapOpen(conn.db, { force: payload.force });
  },
});
