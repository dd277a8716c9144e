import { z } from "zod";
import { runImportBatch } from "../../lib/hotline/run-import-batch";
import { HOTLINE_IMPORT_JOB } from "../../lib/hotline/upload-order-file";
import { defineJob } from "../job";

/** A 12345 file uploaded on /hotline: import its rows chunk by chunk (lib/hotline/run-import-batch.ts). */
export const hotlineImportJob = defineJob({
  name: HOTLINE_IMPORT_JOB,
  payload: z.object({ batchId: z.number().int().positive() }),
  async handle({ batchId }, { conn }) {
    await runImportBatch(conn.db, batchId);
  },
});
