import { runImportBatch } from "../../lib/hotline/run-import-batch";
import { defineJob } from "../job";

/** A 12345 file uploaded on /hotline: import its rows chunk by chunk (lib/hotline/run-import-batch.ts). */
export const hotlineImportJob = defineJob({
  name: "hotline.import",
  async handle({ batchId }, { conn }) {
    await runImportBatch(conn.db, batchId);
  },
});
