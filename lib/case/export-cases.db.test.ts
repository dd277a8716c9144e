import ExcelJS from "exceljs";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { contextWithAssignments, type RequestContext } from "../context";
import { withSeededDistrict } from "../testing/seeded-district";
import { EXPORT_COLUMNS } from "./export-cases-format";
import { exportCases, type FileDownload } from "./export-cases";
import { deleteAllCases, insertTestCases, twoCommunities, type TwoCommunities } from "../testing/case-list-fixtures";

let owner: Connection;
let app: Connection;
let district: RequestContext;

withSeededDistrict((c, ctx, a) => {
  owner = c;
  district = ctx;
  app = a;
});

let area: TwoCommunities;
let ownIds: number[];
let otherIds: number[];

const SECRET_NAME = "欧阳娜娜";
const SECRET_PHONE = "13812345678";

beforeAll(async () => {
  area = await twoCommunities(owner.db);
  await deleteAllCases(owner.db);
  ownIds = await insertTestCases(owner.db, [
    {
      gridId: area.own.grid,
      reportedAt: "2026-06-01T02:00:00Z",
      description: `居民反映楼道堆物，联系电话${SECRET_PHONE}`,
      address: "悟仙观路 12 号",
      reporterName: SECRET_NAME,
      reporterPhoneMasked: "138****5678",
      leadUnit: "dept.cg",
      deadlineAt: "2026-06-10T09:00:00Z",
      light: "yellow",
      state: "dispatched",
    },
    {
      gridId: area.own.grid,
      reportedAt: "2026-06-02T02:00:00Z",
      description: '=HYPERLINK("http://evil")',
      category: "component.manhole",
      state: "closed",
      light: null,
    },
  ]);
  otherIds = await insertTestCases(owner.db, [
    { gridId: area.other.grid, reportedAt: "2026-06-03T02:00:00Z", description: "邻社区案件" },
  ]);
});

async function bytesOf(file: FileDownload): Promise<Buffer> {
  return Buffer.from(await new Response(file.body).arrayBuffer());
}

async function exportsSince(): Promise<{ n: number; last: { rowCount: number; format: string } | null }> {
  const { rows } = await sql<{
    after: { rowCount: number; format: string };
  }>`select after from audit_log where action = 'case.export' order by id desc`.execute(owner.db);
  return { n: rows.length, last: rows[0]?.after ?? null };
}

describe("exportCases", () => {
  it("xlsx reads back with exceljs: header, one row per case, Beijing times, no personal data", async () => {
    const before = await exportsSince();
    const file = await exportCases({ ctx: district, input: { format: "xlsx" }, now: new Date("2026-06-05T04:00:00Z") });
    expect(file.filename).toBe("案件列表_20260605.xlsx");
    expect(file.contentType).toContain("spreadsheetml");
    expect(file.rowCount).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(file)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("案件")!;
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const col = (key: string) => EXPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    // Newest first: the other community's case, then the two own ones.
    const first = sheet.getRow(4);
    expect(first.getCell(col("description")).value).toBe("居民反映楼道堆物，联系电话138****5678");
    expect(first.getCell(col("leadUnit")).value).toBe("区城市管理委员会（城管）");
    expect(first.getCell(col("light")).value).toBe("临期");
    // A date cell showing the Beijing wall time (10:00 in Beijing = 02:00 UTC).
    expect((first.getCell(col("reportedAt")).value as Date).toISOString()).toBe("2026-06-01T10:00:00.000Z");
    // A text that looks like a formula stays text.
    expect(sheet.getRow(3).getCell(col("description")).value).toBe('=HYPERLINK("http://evil")');
    const everything = JSON.stringify(sheet.getSheetValues());
    expect(everything).not.toContain(SECRET_NAME);
    expect(everything).not.toContain(SECRET_PHONE);
    const after = await exportsSince();
    expect(after.n).toBe(before.n + 1);
    expect(after.last).toMatchObject({ format: "xlsx", rowCount: 3 });
  });

  it("CSV starts with the UTF-8 BOM, has a header and one CRLF line per case, guards formulas", async () => {
    const file = await exportCases({ ctx: district, input: { format: "csv", q: "悟仙观路" } });
    const bytes = await bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0].split(",")[0]).toBe("案件编号");
    expect(text).not.toContain(SECRET_NAME);
    expect(text).not.toContain(SECRET_PHONE);
    const all = (await bytesOf(await exportCases({ ctx: district, input: { format: "csv" } }))).toString("utf8");
    expect(all).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it("GeoJSON is a valid FeatureCollection of points without free text or reporter", async () => {
    const file = await exportCases({ ctx: district, input: { format: "geojson" } });
    expect(file.contentType).toBe("application/geo+json");
    const doc = JSON.parse((await bytesOf(file)).toString("utf8"));
    expect(doc.type).toBe("FeatureCollection");
    expect(doc.features).toHaveLength(3);
    for (const f of doc.features) {
      expect(f.type).toBe("Feature");
      expect(f.geometry.type).toBe("Point");
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(115);
      expect(lon).toBeLessThan(118);
      expect(lat).toBeGreaterThan(39);
      expect(lat).toBeLessThan(41);
      for (const key of ["description", "address", "reporterName", "reporterPhone", "reporterPhoneMasked"])
        expect(f.properties).not.toHaveProperty(key);
    }
    const raw = JSON.stringify(doc);
    expect(raw).not.toContain(SECRET_NAME);
    expect(raw).not.toContain("138****");
    expect(doc.features.map((f: { id: number }) => f.id).sort()).toEqual([...ownIds, ...otherIds].sort());
  });

  it("keeps to the caller's area and permission", async () => {
    const head = await contextWithAssignments(app.db, [{ role: "community_head", regionId: area.own.community }]);
    const doc = JSON.parse((await bytesOf(await exportCases({ ctx: head, input: { format: "geojson" } }))).toString("utf8"));
    expect(doc.features.map((f: { id: number }) => f.id).sort()).toEqual([...ownIds].sort());
    await expect(exportCases({ ctx: head, input: { format: "csv", area: area.other.community } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const department = await contextWithAssignments(app.db, [{ role: "department_handler", regionId: area.street.id }]);
    await expect(exportCases({ ctx: department, input: { format: "csv" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an unknown format and a list beyond the bound, with Chinese messages and no audit row", async () => {
    await expect(exportCases({ ctx: district, input: { format: "pdf" as never } })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { format: "导出格式只能是 xlsx、csv 或 geojson。" },
    });
    const before = await exportsSince();
    await expect(exportCases({ ctx: district, input: { format: "csv" }, maxRows: 2 })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "符合条件的案件超过 2 条（至少 3 条），请缩小时间范围或区域后分批导出。",
    });
    expect((await exportsSince()).n).toBe(before.n);
  });

  it("streams several batches without losing or repeating a case", async () => {
    // 4,500 cases in one statement (more than two batches of 2,000), some sharing an instant.
    await sql`
      insert into case_record (number, district_code, source, kind, category_id, description, geom, grid_id, region_path, urgency, level, state, reported_at)
      select 'SJB' || lpad(i::text, 9, '0'), g.district_code, 'grid_worker', 'management', cat.id, '批量案件 ' || i, st_pointonsurface(g.geom), g.id, g.path,
             'general', 'community', 'filed', timestamptz '2026-07-01' + (i / 3) * interval '1 second'
        from generate_series(1, 4500) i, region g, case_category cat
       where g.id = ${area.own.grid} and cat.code = 'event.exposed_garbage'`.execute(owner.db);
    const file = await exportCases({ ctx: district, input: { format: "csv", q: "批量案件" } });
    expect(file.rowCount).toBe(4500);
    const lines = (await bytesOf(file)).toString("utf8").split("\r\n").filter(Boolean).slice(1);
    expect(lines).toHaveLength(4500);
    const numbers = lines.map((l) => l.split(",")[0]);
    expect(new Set(numbers).size).toBe(4500);
  });
});
