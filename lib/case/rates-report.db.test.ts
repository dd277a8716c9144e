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
import { countForRates, DEFAULT_RATE_FORMULA, rateFormulaOf, type RateCase } from "./rates";
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

/** Rates are counted at this instant (an acknowledgement limit after it is not yet due). */
const NOW = new Date("2026-04-10T10:00:00+08:00");
const LIMIT = "2026-03-04T11:00:00+08:00";
const IN_TIME = { acknowledgeDeadlineAt: LIMIT, acknowledgedAt: "2026-03-04T10:30:00+08:00" };

/** The own community in March 2026 (Beijing): the worked example of lib/case/rates.test.ts, with units. */
const OWN: Omit<TestCase, "gridId">[] = [
  { state: "reported", reportedAt: "2026-03-01T00:00:00+08:00" },
  { state: "cancelled", reportedAt: "2026-03-02T09:00:00+08:00", acknowledgeDeadlineAt: LIMIT },
  { state: "cancelled", reportedAt: "2026-03-02T10:00:00+08:00", acknowledgeDeadlineAt: LIMIT, merged: true },
  { state: "dispatched", reportedAt: "2026-03-04T09:00:00+08:00", leadUnit: "dept.cg", acknowledgeDeadlineAt: LIMIT },
  {
    state: "dispatched",
    reportedAt: "2026-03-04T09:30:00+08:00",
    leadUnit: "dept.cg",
    acknowledgeDeadlineAt: "2026-04-10T12:00:00+08:00",
  },
  { state: "acknowledged", reportedAt: "2026-03-04T10:00:00+08:00", leadUnit: "dept.cg", ...IN_TIME },
  {
    state: "handled",
    reportedAt: "2026-03-05T09:00:00+08:00",
    leadUnit: "dept.cg",
    acknowledgeDeadlineAt: LIMIT,
    acknowledgedAt: LIMIT,
  },
  {
    state: "closed",
    reportedAt: "2026-03-06T09:00:00+08:00",
    leadUnit: "dept.cg",
    acknowledgeDeadlineAt: LIMIT,
    acknowledgedAt: "2026-03-04T12:00:00+08:00",
  },
  {
    state: "evaluated",
    satisfaction: "very_satisfied",
    resolution: "resolved",
    reportedAt: "2026-03-07T09:00:00+08:00",
    leadUnit: "dept.sw",
    ...IN_TIME,
  },
  {
    state: "evaluated",
    satisfaction: "fairly_satisfied",
    resolution: "resolved",
    reportedAt: "2026-03-08T09:00:00+08:00",
    leadUnit: "dept.sw",
    ...IN_TIME,
  },
  {
    state: "evaluated",
    satisfaction: "dissatisfied",
    resolution: "unresolved",
    reportedAt: "2026-03-09T09:00:00+08:00",
    leadUnit: "dept.cg",
    ...IN_TIME,
  },
  // The last second of March in Beijing: inside the month.
  {
    state: "evaluated",
    satisfaction: "no_opinion",
    resolution: "no_opinion",
    reportedAt: "2026-03-31T23:59:59+08:00",
    leadUnit: "dept.cg",
    ...IN_TIME,
  },
  { state: "returned", reportedAt: "2026-03-20T09:00:00+08:00" },
];

/** The other community: 4 cases in March, and two outside it (the first second of April, and February). */
const OTHER: Omit<TestCase, "gridId">[] = [
  {
    state: "evaluated",
    satisfaction: "satisfied",
    resolution: "resolved",
    reportedAt: "2026-03-10T09:00:00+08:00",
    leadUnit: "dept.cg",
    ...IN_TIME,
  },
  {
    state: "evaluated",
    satisfaction: "very_dissatisfied",
    resolution: "unresolved",
    reportedAt: "2026-03-11T09:00:00+08:00",
    leadUnit: "dept.cg",
    acknowledgeDeadlineAt: LIMIT,
    acknowledgedAt: "2026-03-05T09:00:00+08:00",
  },
  { state: "dispatched", reportedAt: "2026-03-12T09:00:00+08:00", leadUnit: "dept.sw", acknowledgeDeadlineAt: LIMIT },
  { state: "reported", reportedAt: "2026-03-13T09:00:00+08:00" },
  { state: "closed", reportedAt: "2026-04-01T00:00:00+08:00", leadUnit: "dept.cg", ...IN_TIME },
  { state: "closed", reportedAt: "2026-02-28T23:59:59+08:00", leadUnit: "dept.cg", ...IN_TIME },
];

const inMarch = (c: Omit<TestCase, "gridId">) => String(c.reportedAt).startsWith("2026-03");
const asRateCase = (c: Omit<TestCase, "gridId">): RateCase => ({
  state: c.state as CaseState,
  satisfaction: c.satisfaction ?? null,
  resolution: c.resolution ?? null,
  mergedIntoId: c.merged ? 1 : null,
  acknowledgeDeadlineAt: c.acknowledgeDeadlineAt ? new Date(c.acknowledgeDeadlineAt) : null,
  acknowledgedAt: c.acknowledgedAt ? new Date(c.acknowledgedAt) : null,
});

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
  it("per child region: the worked example (响应率 6/8, 解决率 2/3, 满意率 1.8/3, 办结率 5/11), the SQL agrees with the pure count", async () => {
    const report = await getCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id }, now: NOW });
    expect(report.period).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
    const own = report.regions.find((r) => r.regionId === area.own.community)!;
    expect(own.counts).toEqual({
      reported: 13,
      due: 8,
      acknowledgedInTime: 6,
      answered: 3,
      resolved: 2,
      rated: 3,
      satisfied: 1.8,
      counted: 11,
      closed: 5,
    });
    expect(own.rates.response).toBe(0.75);
    expect(own.rates.resolution).toBeCloseTo(2 / 3, 12);
    expect(own.rates.satisfaction).toBeCloseTo(0.6, 12);
    expect(own.rates.completion).toBeCloseTo(5 / 11, 12);
    const other = report.regions.find((r) => r.regionId === area.other.community)!;
    expect(other.counts).toEqual(countForRates(OTHER.filter(inMarch).map(asRateCase), DEFAULT_RATE_FORMULA, NOW));
    expect(other.counts).toEqual({
      reported: 4,
      due: 3,
      acknowledgedInTime: 1,
      answered: 2,
      resolved: 1,
      rated: 2,
      satisfied: 1,
      counted: 4,
      closed: 2,
    });
    const total = countForRates([...OWN, ...OTHER].filter(inMarch).map(asRateCase), DEFAULT_RATE_FORMULA, NOW);
    expect(report.total.counts).toEqual({ ...total, satisfied: expect.closeTo(total.satisfied, 9) });
    // Communities without cases are listed with empty rates.
    const empty = report.regions.filter((r) => r.counts.reported === 0);
    for (const r of empty) expect(r.rates).toEqual({ response: null, resolution: null, satisfaction: null, completion: null });
  });

  it("an order whose limit passes between two readings becomes due (and late)", async () => {
    const later = new Date("2026-04-10T12:00:01+08:00");
    const report = await getCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id }, now: later });
    const own = report.regions.find((r) => r.regionId === area.own.community)!;
    expect(own.counts).toMatchObject({ due: 9, acknowledgedInTime: 6 });
  });

  it("per lead unit, with the not-dispatched group", async () => {
    const report = await getCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id }, now: NOW });
    const byName = Object.fromEntries(report.units.map((u) => [u.name, u.counts]));
    expect(byName["区城市管理委员会（城管）"]).toMatchObject({
      reported: 9,
      due: 8,
      acknowledgedInTime: 5,
      answered: 3,
      resolved: 1,
      closed: 5,
      rated: 3,
      satisfied: 1,
    });
    expect(byName["区水务局"]).toMatchObject({
      reported: 3,
      due: 3,
      acknowledgedInTime: 2,
      resolved: 2,
      rated: 2,
      satisfied: 1.8,
    });
    expect(byName["（未派遣）"]).toMatchObject({ reported: 5, due: 0, counted: 3 });
    expect(report.units[0].name).toBe("区城市管理委员会（城管）");
  });

  it("a community head gets the own community only (its grids as children); another area is NOT_FOUND", async () => {
    const head = await contextWithAssignments(app.db, [{ role: "community_head", regionId: area.own.community }]);
    const report = await getCaseRates({ ctx: head, input: MARCH, now: NOW });
    expect(report.area.id).toBe(area.own.community);
    expect(report.total.counts.reported).toBe(13);
    await expect(getCaseRates({ ctx: head, input: { ...MARCH, area: area.other.community } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("follows the configured formula in case_setting (levels and the weight of 基本满意)", async () => {
    const strict = {
      ...DEFAULT_RATE_FORMULA,
      satisfiedLevels: ["very_satisfied", "satisfied", "fairly_satisfied"],
      fairlyWeight: 0.5,
    };
    await sql`update case_setting set value = ${JSON.stringify(strict)}::text::jsonb where key = 'rates'`.execute(owner.db);
    try {
      const report = await getCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id }, now: NOW });
      const own = report.regions.find((r) => r.regionId === area.own.community)!;
      expect(own.counts).toEqual(countForRates(OWN.map(asRateCase), rateFormulaOf(strict), NOW));
      expect(own.counts.satisfied).toBe(1.5);
      expect(report.formula.fairlyWeight).toBe(0.5);
    } finally {
      await sql`update case_setting set value = ${JSON.stringify(DEFAULT_RATE_FORMULA)}::text::jsonb where key = 'rates'`.execute(
        owner.db,
      );
    }
  });

  it("a quarter and a custom range count the cases inside them", async () => {
    const q1 = await getCaseRates({ ctx: district, input: { period: "quarter", quarter: "2026-Q1", area: area.street.id } });
    expect(q1.total.counts.reported).toBe(18);
    const april = await getCaseRates({
      ctx: district,
      input: { period: "custom", from: "2026-04-01", to: "2026-04-01", area: area.street.id },
    });
    expect(april.total.counts.reported).toBe(1);
  });
});

describe("exportCaseRates", () => {
  it("xlsx reads back with the regions, units and total; CSV has a BOM and percentages", async () => {
    const file = await exportCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id, format: "xlsx" }, now: NOW });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.body as Uint8Array) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("三率统计")!;
    const last = sheet.getRow(sheet.rowCount).values as unknown[];
    // group, name, then reported, due, in time, answered, resolved, rated, satisfied, counted, closed; then the four rates
    expect(last.slice(1, 12)).toEqual(["合计", "合计", 17, 11, 7, 5, 3, 5, 2.8, 15, 7]);
    expect(last[12]).toBeCloseTo(7 / 11, 12);
    expect(last[13]).toBeCloseTo(3 / 5, 12);
    expect(last[14]).toBeCloseTo(2.8 / 5, 12);
    expect(last[15]).toBeCloseTo(7 / 15, 12);
    const csv = Buffer.from(
      (await exportCaseRates({ ctx: district, input: { ...MARCH, area: area.street.id, format: "csv" }, now: NOW }))
        .body as Uint8Array,
    ).toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split("\n")[0]).toContain("响应率,解决率,满意率,办结率");
    // the own community: 75.0% responded in time, 66.7% resolved, 60.0% satisfied, 45.5% closed
    expect(csv).toContain("75.0%,66.7%,60.0%,45.5%");
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
