import { applyDueTransfers } from "../../lib/transfer/apply-due-transfers";
import { defineJob } from "../job";

/**
 * The transfers' effective-date job: applies every approved transfer whose Beijing day has come, each in its own
 * transaction; a refused one stays approved with its reason on the transfer (lib/transfer/apply-transfer.ts).
 */
export const applyDueTransfersJob = defineJob({
  name: "transfer.apply-due",
  async handle(payload, { conn }) {
    const run = await applyDueTransfers(conn.db, payload.day);
    if (run.applied > 0 || run.failed > 0)
      process.stderr.write(
        `[transfer] ${run.applied} transfer(s) applied, ${run.failed} refused (reason kept on the transfer)\n`,
      );
  },
});
