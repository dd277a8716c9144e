import { cases } from "@/lib/i18n/zh-CN/case";
import { common } from "@/lib/i18n/zh-CN/common";

const duration = common.duration;

/**
 * Display helpers of the case desk (pure; the server renders them once, the tests call them directly).
 * Times are shown in China Standard Time whatever the server's zone.
 */

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const shortDateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** "2026/11/23 14:05". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "11/23 14:05" (the deadline column: always within a few weeks of now). */
export function formatShortDateTime(iso: string): string {
  return shortDateTime.format(new Date(iso));
}

/** A duration in whole days, hours or minutes, coarse on purpose ("3 天 4 小时", "5 小时", "12 分钟"). */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return duration.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return duration.hours(hours);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? duration.daysHours(days, rest) : duration.days(days);
}

/** What the deadline column says under the instant: time left, or how long it is overdue. */
export function deadlineNote(deadlineIso: string, now: Date): { text: string; overdue: boolean } {
  const left = new Date(deadlineIso).getTime() - now.getTime();
  return left >= 0
    ? { text: `${cases.remaining} ${formatDuration(left)}`, overdue: false }
    : { text: `${cases.overdueBy} ${formatDuration(-left)}`, overdue: true };
}

/** A rate as a percentage with one decimal ("87.5%"), or the dash when there is nothing to divide by. */
export function formatRate(rate: number | null, none = "—"): string {
  return rate === null ? none : `${(rate * 100).toFixed(1)}%`;
}
