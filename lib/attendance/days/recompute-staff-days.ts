import "server-only";
import type { Database } from "../../../db/client";
import { addDays, localDateKey, type WorkingCalendar } from "../../case/working-calendar";
import { computeAttendanceDays, weekStartOf } from "./compute-days";

/**
 * Recomputes one person's days from `from` to `until` (both included), never past yesterday (today is not over:
 * the nightly job computes it), and then the rest of the last day's week up to yesterday, since the 40-hour week
 * carries regular minutes from day to day (compute-day.ts). In calendar order; pass the transaction of the change.
 */
export async function recomputeStaffDays(
  db: Database,
  input: { staffId: number; from: string; until: string; calendar: WorkingCalendar; now?: Date },
): Promise<number> {
  const yesterday = addDays(localDateKey(input.now ?? new Date(), input.calendar), -1);
  const weekEnd = addDays(weekStartOf(input.until), 6);
  const last = weekEnd < yesterday ? weekEnd : yesterday;
  let n = 0;
  for (let d = input.from; d <= last; d = addDays(d, 1)) {
    await computeAttendanceDays(db, { day: d, staffIds: [input.staffId], calendar: input.calendar });
    n++;
  }
  return n;
}
