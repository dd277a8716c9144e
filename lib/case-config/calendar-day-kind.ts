import type { CalendarDayDto } from "./dto";

/**
 * A calendar day's kind as the admin forms offer it: a statutory holiday (法定, overtime 300 %), a rest day moved
 * next to one (调休放假, 200 %) or a swapped working weekend day (调休上班). Stored as kind + statutory.
 */
export type CalendarDayKind = "statutory" | "holiday" | "workday";

export function calendarDayKindOf(entry: Pick<CalendarDayDto, "kind" | "statutory">): CalendarDayKind {
  return entry.kind === "holiday" && entry.statutory ? "statutory" : entry.kind;
}

export function calendarDayFields(kind: CalendarDayKind): { kind: "holiday" | "workday"; statutory: boolean } {
  return { kind: kind === "workday" ? "workday" : "holiday", statutory: kind === "statutory" };
}
