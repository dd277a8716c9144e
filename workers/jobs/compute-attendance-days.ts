import { computeAttendanceDays } from "../../lib/attendance/days/compute-days";
import { loadCaseConfig } from "../../lib/case/case-config";
import { addDays, localDateKey } from "../../lib/case/working-calendar";
import { defineJob } from "../job";

/**
 * Each person's attendance day (lib/attendance/days/compute-days.ts): by default the local day that just ended
 * (the schedule runs at 00:10 Beijing time), else the day and people of the payload. One transaction: the day's
 * rows change together.
 */
export const computeAttendanceDaysJob = defineJob({
  name: "attendance-days.compute",
  async handle(payload, { conn }) {
    const { calendar } = await loadCaseConfig(conn.db);
    const day = payload.day ?? addDays(localDateKey(new Date(), calendar), -1);
    const started = performance.now();
    const done = await conn.db
      .transaction()
      .execute((trx) => computeAttendanceDays(trx, { day, staffIds: payload.staffIds, calendar }));
    process.stderr.write(`[attendance-days] ${done.count} day(s) of ${day} in ${Math.round(performance.now() - started)} ms\n`);
  },
});
