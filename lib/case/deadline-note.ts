import { formatDuration, type Instant } from "../format/time";
import { cases } from "../i18n/zh-CN/case";

/**
 * What a deadline says beside its instant, by the wall clock: the time left ("剩余 2 小时") or how long it is
 * overdue ("已超期 1 天 1 小时"); the light says the working-time truth. Rounded down like every duration.
 * Exactly at the deadline the case is still on time (the light's own rule: red only after it).
 */
export function deadlineNote(deadline: Instant, now: Date | number): { text: string; overdue: boolean } {
  const left = new Date(deadline).getTime() - (typeof now === "number" ? now : now.getTime());
  return left >= 0
    ? { text: `${cases.remaining} ${formatDuration(left)}`, overdue: false }
    : { text: `${cases.overdueBy} ${formatDuration(-left)}`, overdue: true };
}
