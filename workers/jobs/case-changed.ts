import { bumpLayerVersions } from "../../db/queries/layer-version";
import { defineJob } from "../job";

/**
 * After cases change (reports, transitions; throttled to one job per slot by the sender): move the `case`
 * layer's version so cached case tiles are let go. The heat bins follow in their own scheduled job.
 */
export const caseChangedJob = defineJob({
  name: "case.changed",
  async handle(_payload, { conn }) {
    await bumpLayerVersions(conn.db, ["case"]);
  },
});
