import "server-only";
import { findCalendarDaysForAdmin, findCalendarYears, findSettingRow } from "../../db/queries/case-config-admin";
import { authorize } from "../auth/authorize";
import { DEFAULT_WORKING_HOURS } from "../case/working-calendar";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import type { CalendarDayDto, SettingDto } from "./dto";

/**
 * The calendar rows of one year (case.configure), the years that have rows, and the working-hours setting
 * shown on the same page.
 */
export async function listCalendarDays({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: { year: number };
}): Promise<{ year: number; years: number[]; days: CalendarDayDto[]; workingHours: SettingDto }> {
  authorize(ctx, "case.configure");
  const year = Number.isInteger(input.year) && input.year >= 2000 && input.year <= 2100 ? input.year : new Date().getFullYear();
  try {
    const [days, years, hours] = await Promise.all([
      findCalendarDaysForAdmin(ctx.db, year),
      findCalendarYears(ctx.db),
      findSettingRow(ctx.db, "working_hours"),
    ]);
    return {
      year,
      years: [...new Set([...years, year])].sort((a, b) => b - a),
      days: days.map((d) => ({
        day: d.day,
        kind: d.kind as "holiday" | "workday",
        statutory: d.statutory,
        name: d.name,
        version: d.version,
        updatedAt: new Date(d.updatedAt).toISOString(),
      })),
      workingHours: {
        key: "working_hours",
        value: hours?.value ?? DEFAULT_WORKING_HOURS,
        version: hours?.version ?? 1,
        updatedAt: new Date().toISOString(),
      },
    };
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
