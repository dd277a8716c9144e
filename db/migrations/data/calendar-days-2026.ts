/**
 * China's 2026 statutory holidays and swapped working days (放假调休) that migration 20261125T0900-cases
 * loads into calendar_day, in the order it inserts them. Frozen with the migration: a copy of
 * CHINA_CALENDAR_DAYS_2026 of lib/case/holidays-2026.ts as it was then (transcribed from 国务院办公厅关于2026年
 * 部分节假日安排的通知); later corrections are data in calendar_day, not edits here.
 */
export type CalendarDayRow = { date: string; kind: "holiday" | "workday"; name: string };

export const CALENDAR_DAY_ROWS_2026: readonly CalendarDayRow[] = [
  { date: "2026-01-01", kind: "holiday", name: "元旦" },
  { date: "2026-01-02", kind: "holiday", name: "元旦" },
  { date: "2026-01-03", kind: "holiday", name: "元旦" },
  { date: "2026-01-04", kind: "workday", name: "元旦调休上班" },
  { date: "2026-02-14", kind: "workday", name: "春节调休上班" },
  { date: "2026-02-15", kind: "holiday", name: "春节" },
  { date: "2026-02-16", kind: "holiday", name: "春节" },
  { date: "2026-02-17", kind: "holiday", name: "春节" },
  { date: "2026-02-18", kind: "holiday", name: "春节" },
  { date: "2026-02-19", kind: "holiday", name: "春节" },
  { date: "2026-02-20", kind: "holiday", name: "春节" },
  { date: "2026-02-21", kind: "holiday", name: "春节" },
  { date: "2026-02-22", kind: "holiday", name: "春节" },
  { date: "2026-02-23", kind: "holiday", name: "春节" },
  { date: "2026-02-28", kind: "workday", name: "春节调休上班" },
  { date: "2026-04-04", kind: "holiday", name: "清明节" },
  { date: "2026-04-05", kind: "holiday", name: "清明节" },
  { date: "2026-04-06", kind: "holiday", name: "清明节" },
  { date: "2026-05-01", kind: "holiday", name: "劳动节" },
  { date: "2026-05-02", kind: "holiday", name: "劳动节" },
  { date: "2026-05-03", kind: "holiday", name: "劳动节" },
  { date: "2026-05-04", kind: "holiday", name: "劳动节" },
  { date: "2026-05-05", kind: "holiday", name: "劳动节" },
  { date: "2026-05-09", kind: "workday", name: "劳动节调休上班" },
  { date: "2026-06-19", kind: "holiday", name: "端午节" },
  { date: "2026-06-20", kind: "holiday", name: "端午节" },
  { date: "2026-06-21", kind: "holiday", name: "端午节" },
  { date: "2026-09-20", kind: "workday", name: "国庆节调休上班" },
  { date: "2026-09-25", kind: "holiday", name: "中秋节" },
  { date: "2026-09-26", kind: "holiday", name: "中秋节" },
  { date: "2026-09-27", kind: "holiday", name: "中秋节" },
  { date: "2026-10-01", kind: "holiday", name: "国庆节" },
  { date: "2026-10-02", kind: "holiday", name: "国庆节" },
  { date: "2026-10-03", kind: "holiday", name: "国庆节" },
  { date: "2026-10-04", kind: "holiday", name: "国庆节" },
  { date: "2026-10-05", kind: "holiday", name: "国庆节" },
  { date: "2026-10-06", kind: "holiday", name: "国庆节" },
  { date: "2026-10-07", kind: "holiday", name: "国庆节" },
  { date: "2026-10-10", kind: "workday", name: "国庆节调休上班" },
];
