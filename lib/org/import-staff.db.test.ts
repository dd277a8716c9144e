import { sql } from "kysely";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { contextWithAssignments, type RequestContext } from "../context";
import { makeIdNumber } from "../pii/id-number";
import { createOrgFixture, type OrgFixture } from "../testing/org-fixtures";
import { withSeededDistrict } from "../testing/seeded-district";
import { exportStaff } from "./export-staff";
import { importStaff } from "./import-staff";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

let fx: OrgFixture;
let hr: RequestContext;
beforeAll(async () => {
  fx = await createOrgFixture(owner);
  hr = await contextWithAssignments(app.db, [{ role: "hr_clerk", regionId: fx.regions.district }], {
    userId: 1_300_000_000 + Math.floor(Math.random() * 1_000_000),
    username: "import_hr",
    displayName: "测试",
  });
});

const HEADER = "工号,姓名,性别,部门编码,岗位编码,职级编码,入职日期,身份证号,电话";
const csv = (lines: string[]) => new TextEncoder().encode(`${HEADER}\r\n${lines.join("\r\n")}\r\n`);

describe("importStaff", () => {
  it("imports nothing when any row is wrong, and names each problem by line in Chinese", async () => {
    const good = makeIdNumber({ addressCode: "110105", birthDate: "1991-01-01", ordinal: 1, gender: "M" });
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const p = fx.prefix;
    const result = await importStaff({
      ctx: hr,
      input: {
        fileName: "staff.csv",
        bytes: csv([
          `${p}-201,导入甲,男,${p}-CA,${p}-P-CLERK,${p}-R1,2026-01-05,${good},13800138000`,
          `${p}-202,导入乙,女,NOPE,${p}-P-CLERK,${p}-R1,2026-01-05,${bad},`,
          `${p}-201,导入丙,,${p}-CA,${p}-P-CLERK,${p}-R1,2026-02-30,,`,
        ]),
      },
    });
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([
      { line: 3, messages: ["部门编码“NOPE”不存在或不在您的管辖范围内。", expect.stringMatching(/^身份证号有误：校验码错误/)] },
      { line: 4, messages: ["工号与第 2 行重复。", "“入职日期”不是有效日期（应为 YYYY-MM-DD）。"] },
    ]);
    const { rows } = await sql`select 1 from staff where staff_no like ${`${p}-20%`}`.execute(owner.db);
    expect(rows).toHaveLength(0);
  });

  it("imports a valid xlsx in one go, and the same file again adds nobody", async () => {
    const p = fx.prefix;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("人员");
    sheet.addRow(HEADER.split(","));
    sheet.addRow([
      `${p}-301`,
      "表格甲",
      "女",
      `${p}-GA`,
      `${p}-P-WORKER`,
      `${p}-R2`,
      new Date("2026-03-02T00:00:00Z"),
      null,
      13900001111,
    ]);
    sheet.addRow([`${p}-001`, "已有的人", "男", `${p}-CA`, `${p}-P-CLERK`, `${p}-R1`, "2021-01-04", null, null]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const first = await importStaff({ ctx: hr, input: { fileName: "staff.xlsx", bytes } });
    expect(first).toEqual({ imported: 1, skipped: 1, errors: [] });
    const again = await importStaff({ ctx: hr, input: { fileName: "staff.xlsx", bytes } });
    expect(again).toEqual({ imported: 0, skipped: 2, errors: [] });
    const { rows } = await sql<{ phone_masked: string; hire: string; reason: string }>`
      select s.phone_masked, to_char(s.hire_date, 'YYYY-MM-DD') as hire, j.reason from staff s join staff_job j on j.staff_id = s.id
       where s.staff_no = ${`${p}-301`}`.execute(owner.db);
    expect(rows).toEqual([{ phone_masked: "139****1111", hire: "2026-03-02", reason: "import" }]);
  });

  it("refuses a file without the required columns, naming them", async () => {
    await expect(
      importStaff({
        ctx: hr,
        input: { fileName: "x.csv", bytes: new TextEncoder().encode("姓名,电话\r\n张三,13800138000\r\n") },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: "缺少必填列：工号、部门编码、岗位编码、职级编码、入职日期。请使用导入模板。",
    });
  });
});

describe("exportStaff", () => {
  it("writes the filtered list with masked data, numbers as numbers, and logs one export row", async () => {
    const file = await exportStaff({
      ctx: hr,
      input: { department: fx.departments.district, status: "all" },
      now: new Date("2026-12-03T04:00:00Z"),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0][0]).toBe("序号");
    const mine = rows.slice(1).filter((r) => String(r[1]).startsWith(fx.prefix));
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(typeof mine[0][0]).toBe("number");
    expect(mine[0][8]).toBeInstanceOf(Date);
    expect(typeof mine[0][10]).toBe("number");
    expect(String(mine[0][11])).toMatch(/^110105\*{8}/);
    const { rows: log } = await sql<{ kind: string; field: string; row_count: number }>`
      select kind, field, row_count from pii_access_log where user_id = ${hr.actor.userId} and kind = 'export'`.execute(owner.db);
    expect(log).toEqual([{ kind: "export", field: "list", row_count: file.rowCount }]);
  });
});
