import { calendarFromDays, type CalendarDay } from "./working-calendar";

/**
 * China's 2026 statutory holidays and swapped working days (放假调休), as default data for the working
 * calendar. Transcribed from 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04); check it against the
 * State Council notice before relying on it. This is editable data, not a rule: the product loads these rows
 * into its working-day calendar table, where an administrator corrects them and adds the next year (the
 * notice for year N+1 appears each November). Every day of each holiday span is listed, weekend days
 * included, so the rows read like the notice; listing a weekend day as a holiday changes nothing.
 */
export const CHINA_CALENDAR_DAYS_2026: readonly CalendarDay[] = [
  ...span("元旦", "2026-01-01", 3),
  { date: "2026-01-04", kind: "workday", name: "元旦调休上班" },
  { date: "2026-02-14", kind: "workday", name: "春节调休上班" },
  ...span("春节", "2026-02-15", 9),
  { date: "2026-02-28", kind: "workday", name: "春节调休上班" },
  ...span("清明节", "2026-04-04", 3),
  ...span("劳动节", "2026-05-01", 5),
  { date: "2026-05-09", kind: "workday", name: "劳动节调休上班" },
  ...span("端午节", "2026-06-19", 3),
  { date: "2026-09-20", kind: "workday", name: "国庆节调休上班" },
  ...span("中秋节", "2026-09-25", 3),
  ...span("国庆节", "2026-10-01", 7),
  { date: "2026-10-10", kind: "workday", name: "国庆节调休上班" },
];

/** The default calendar: UTC+08:00, 09:00–17:00, Saturday and Sunday off, the 2026 days above. */
export const CHINA_2026_WORKING_CALENDAR = calendarFromDays(CHINA_CALENDAR_DAYS_2026);

/** `count` consecutive holiday rows from `first` (all spans of the notice stay within one month). */
function span(name: string, first: string, count: number): CalendarDay[] {
  const [year, month, day] = first.split("-");
  return Array.from({ length: count }, (_, i) => ({
    date: `${year}-${month}-${String(Number(day) + i).padStart(2, "0")}`,
    kind: "holiday" as const,
    name,
  }));
}
