import ExcelJS from "exceljs";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { contextWithAssignments, type RequestContext } from "../context";
import { withSeededDistrict } from "../testing/seeded-district";
import type { CaseState } from "./case-states";
import {
  deleteAllCases,
  insertTestCases,
  twoCommunities,
  type TestCase,
  type TwoCommunities,
} from "../testing/case-list-fixtures";
import { countForRates, DEFAULT_RATE_FORMULA, rateFormulaOf } from "./rates";
import { exportCaseRates } from "./rates-export";
import { getCaseRates } from "./rates-report";

let owner: Connection;
let app: Connection;
let district: RequestContext;

withSeededDistrict((c, ctx, a) => {
  owner = c;
  district = ctx;
  app = a;
});

let area: TwoCommunities;

/** The own community in March 2026 (Beijing): the worked example of lib/case/rates.test.ts, with units. */
const OWN: Omit<TestCase, "gridId">[] = [
  { state: "reported", reportedAt: "2026-03-01T00:00:00+08:00" },
  { state: "cancelled", reportedAt: "2026-03-02T09:00:00+08:00" },
  { state: "filed", reportedAt: "2026-03-03T09:00:00+08:00" },
  { state: "dispatched", reportedAt: "2026-03-04T09:00:00+08:00", leadUnit: "dept.cg" },
  { state: "handled", reportedAt: "2026-03-05T09:00:00+08:00", leadUnit: "dept.cg" },
  { state: "closed", reportedAt: "2026-03-06T09:00:00+08:00", leadUnit: "dept.cg" },
  { state: "evaluated", satisfaction: "very_satisfied", reportedAt: "2026-03-07T09:00:00+08:00", leadUnit: "dept.sw" },
  { state: "evaluated", satisfaction: "fairly_satisfied", reportedAt: "2026-03-08T09:00:00+08:00", leadUnit: "dept.sw" },
  { state: "evaluated", satisfaction: "dissatisfied", reportedAt: "2026-03-09T09:00:00+08:00", leadUnit: "dept.cg" },
  // The last second of March in Beijing: inside the month.
  { state: "evaluated", satisfaction: "no_opinion", reportedAt: "2026-03-31T23:59:59+08:00", leadUnit: "dept.cg" },
];

/** The other community: 4 cases in March, and two outside it (the first second of April, and February). */
const OTHER: Omit<TestCase, "gridId">[] = [
  { state: "evaluated", satisfaction: "satisfied", reportedAt: "2026-03-10T09:00:00+08:00", leadUnit: "dept.cg" },
  { state: "evaluated", satisfaction: "very_dissatisfied", reportedAt: "2026-03-11T09:00:00+08:00", leadUnit: "dept.cg" },
  { state: "dispatched", reportedAt: "2026-03-12T09:00:00+08:00", leadUnit: "dept.sw" },
  { state: "reported", reportedAt: "2026-03-13T09:00:00+08:00" },
  { state: "closed", reportedAt: "2026-04-01T00:00:00+08:00", leadUnit: "dept.cg" },
  { state: "closed", reportedAt: "2026-02-28T23:59:59+08:00", leadUnit: "dept.cg" },
];

const inMarch = (c: Omit<TestCase, "gridId">) => String(c.reportedAt).startsWith("2026-03");
const asRateCase = (c: Omit<TestCase, "gridId">) => ({ state: c.state as CaseState, satisfaction: c.satisfaction ?? null });

beforeAll(async () => {
  area = await twoCommunities(owner.db);
  await deleteAllCases(owner.db);
  await insertTestCases(owner.db, [
    ...OWN.map((c) => ({ ...c, gridId: area.own.grid })),
    ...OTHER.map((c) => ({ ...c, gridId: area.other.grid })),
  ]);
});

const MARCH = { period: "month" as const, month: "2026-03" };

describe("getCaseRates", () => {
  it("per child region: the worked example (8/10, 5/9, 2/3) and the SQL agrees with the pure count", async () => {
    const report = await getCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id } });
    expect(report.period).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
    const own = report.regions.find((r) => r.regionId === area.own.community)!;
    expect(own.counts).toEqual({ reported: 10, counted: 9, responded: 8, resolved: 5, rated: 3, satisfied: 2 });
    expect(own.rates.response).toBe(0.8);
    expect(own.rates.resolution).toBeCloseTo(5 / 9, 12);
    expect(own.rates.satisfaction).toBeCloseTo(2 / 3, 12);
    const other = report.regions.find((r) => r.regionId === area.other.community)!;
    expect(other.counts).toEqual(countForRates(OTHER.filter(inMarch).map(asRateCase), DEFAULT_RATE_FORMULA));
    expect(other.counts).toEqual({ reported: 4, counted: 4, responded: 3, resolved: 2, rated: 2, satisfied: 1 });
    expect(report.total.counts).toEqual(countForRates([...OWN, ...OTHER].filter(inMarch).map(asRateCase), DEFAULT_RATE_FORMULA));
    // Communities without cases are listed with empty rates.
    const empty = report.regions.filter((r) => r.counts.reported === 0);
    for (const r of empty) expect(r.rates).toEqual({ response: null, resolution: null, satisfaction: null });
  });

  it("per lead unit, with the not-dispatched group", async () => {
    const report = await getCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id } });
    const byName = Object.fromEntries(report.units.map((u) => [u.name, u.counts]));
    expect(byName["区城市管理委员会（城管）"]).toMatchObject({ reported: 7, resolved: 5, rated: 3, satisfied: 1 });
    expect(byName["区水务局"]).toMatchObject({ reported: 3, resolved: 2, rated: 2, satisfied: 2 });
    expect(byName["（未派遣）"]).toMatchObject({ reported: 4, responded: 1 });
    expect(report.units[0].name).toBe("区城市管理委员会（城管）");
  });

  it("a community head gets the own community only (its grids as children); another area is NOT_FOUND", async () => {
    const head = await contextWithAssignments(app.db, [{ role: "community_head", regionId: area.own.community }]);
    const report = await getCaseRates({ ctx: head, input: MARCH });
    expect(report.area.id).toBe(area.own.community);
    expect(report.total.counts.reported).toBe(10);
    await expect(getCaseRates({ ctx: head, input: { ...MARCH, area: area.other.community } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("follows the configured formula in case_setting", async () => {
    const strict = { ...DEFAULT_RATE_FORMULA, satisfiedLevels: ["very_satisfied", "satisfied"] };
    await sql`update case_setting set value = ${JSON.stringify(strict)}::text::jsonb where key = 'rates'`.execute(owner.db);
    try {
      const report = await getCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id } });
      const own = report.regions.find((r) => r.regionId === area.own.community)!;
      expect(own.counts).toEqual(countForRates(OWN.map(asRateCase), rateFormulaOf(strict)));
      expect(own.counts.satisfied).toBe(1);
    } finally {
      await sql`update case_setting set value = ${JSON.stringify(DEFAULT_RATE_FORMULA)}::text::jsonb where key = 'rates'`.execute(
        owner.db,
      );
    }
  });

  it("a quarter and a custom range count the cases inside them", async () => {
    const q1 = await getCaseRates({ ctx: district, input: { period: "quarter", quarter: "2026-Q1", area: area.street.id } });
    expect(q1.total.counts.reported).toBe(15);
    const april = await getCaseRates({
      ctx: district,
      input: { period: "custom", from: "2026-04-01", to: "2026-04-01", area: area.street.id },
    });
    expect(april.total.counts.reported).toBe(1);
  });
});

describe("exportCaseRates", () => {
  it("xlsx reads back with the regions, units and total; CSV has a BOM and percentages", async () => {
    const file = await exportCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id, format: "xlsx" } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.body as Uint8Array) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("三率统计")!;
    const last = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(last.slice(1, 4)).toEqual(["合计", "合计", 14]);
    expect(last[9]).toBeCloseTo(11 / 14, 12);
    const csv = Buffer.from(
      (await exportCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id, format: "csv" } })).body as Uint8Array,
    ).toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("80.0%");
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'case.rates_export'`.execute(owner.db);
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it("needs case.export and a known format", async () => {
    const department = await contextWithAssignments(app.db, [{ role: "department_handler", regionId: area.street.id }]);
    await expect(exportCaseRates({ ctx: department, input: { ...MARCH, format: "csv" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(exportCaseRates({ ctx: district, input: { ...MARCH, format: "pdf" } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});
