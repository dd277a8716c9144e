import "server-only";
import {
  findMonthDepartmentRows,
  findMonthPersonRows,
  findMonthReports,
  findMonthRowDifferences,
  type MonthDepartmentRow,
  type MonthPersonRow,
  type MonthReportRow,
} from "../../../db/queries/attendance-month-report";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { parseId } from "../../id";
import { recordPiiAccess } from "../../pii/record-pii-access";

export type { MonthFigures } from "../../../db/queries/attendance-month-report";

export type MonthReportDto = Omit<MonthReportRow, "generatedAt" | "confirmedAt"> & {
  generatedAt: string;
  confirmedAt: string | null;
};

export type MonthReportView = {
  month: string;
  reports: MonthReportDto[];
  selected: MonthReportDto | null;
  people: MonthPersonRow[];
  departments: MonthDepartmentRow[];
  /** When the selected version is a draft and another version is confirmed: who changed since, and which figures. */
  changes: { againstVersion: number; rows: { staffId: number; staffNo: string; staffName: string; fields: string[] }[] } | null;
};

const toDto = (r: MonthReportRow): MonthReportDto => ({
  ...r,
  generatedAt: new Date(r.generatedAt).toISOString(),
  confirmedAt: r.confirmedAt ? new Date(r.confirmedAt).toISOString() : null,
});

/**
 * A month's report versions and one version's rows (the latest unless `version` is given), per person and per
 * department, inside the caller's area (attendance.report). The read is logged (people's attendance figures).
 */
export async function getMonthReportView({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: { month: string; version?: string };
}): Promise<MonthReportView> {
  const scope = authorize(ctx, "attendance.report");
  const reports = await findMonthReports(ctx.db, input.month);
  const wanted = input.version ? parseId(input.version) : null;
  const selected = reports.find((r) => r.version === wanted) ?? reports[0] ?? null;
  if (!selected) return { month: input.month, reports: [], selected: null, people: [], departments: [], changes: null };
  return ctx.db.transaction().execute(async (trx) => {
    const [people, departments] = await Promise.all([
      findMonthPersonRows(trx, selected.id, scope),
      findMonthDepartmentRows(trx, selected.id, scope),
    ]);
    const confirmed = reports.find((r) => r.state === "confirmed" && r.id !== selected.id);
    const changes =
      confirmed && selected.state === "draft"
        ? { againstVersion: confirmed.version, rows: await findMonthRowDifferences(trx, selected.id, confirmed.id, scope) }
        : null;
    await recordPiiAccess(trx, ctx, {
      kind: "view",
      field: "list",
      rowCount: people.length,
      reason: `attendance_report ${input.month}`,
    });
    return { month: input.month, reports: reports.map(toDto), selected: toDto(selected), people, departments, changes };
  });
}
