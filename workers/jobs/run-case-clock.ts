import { runCaseClock } from "../../lib/case/run-clock";
import { defineJob } from "../job";

/**
 * The case clock (时限监控), every minute: lights, 临期提醒, 红灯预警 and automatic escalation of every open case
 * in one set-based pass (lib/case/run-clock.ts). `now` may be given for a manual catch-up run; the schedule
 * sends none and the pass uses the current instant.
 */
export const runCaseClockJob = defineJob({
  name: "case-clock.run",
  async handle(payload, { conn }) {
    const run = await runCaseClock(conn.db, payload.now ? new Date(payload.now) : new Date());
    if (run.skipped) process.stderr.write("[case-clock] another pass is still running; skipped\n");
    else if (run.updated > 0) {
      process.stderr.write(
        `[case-clock] ${run.updated} case(s) in ${run.ms} ms: ${run.toYellow} yellow, ${run.toRed} red, ${run.toGreen} green, ` +
          `${run.reminders} reminder(s), ${run.redWarnings} red warning(s), ${run.escalations} escalation(s)\n`,
      );
    }
  },
});
