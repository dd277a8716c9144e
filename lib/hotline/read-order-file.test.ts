import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ordersCsv, ordersXlsx } from "./fixtures/order-files";
import { orderTemplateCsv, orderTemplateXlsx } from "./order-template";
import { prepareRows } from "./prepare-rows";
import { readOrderFile } from "./read-order-file";

const NOW = new Date("2026-11-25T04:00:00Z");

describe("readOrderFile", () => {
  it("reads an xlsx below a title line, with date cells and a numeric order number", async () => {
    const bytes = await ordersXlsx(
      [
        {
          orderNo: 202611200001,
          receivedAt: new Date(Date.UTC(2026, 10, 20, 9, 30)),
          kind: "投诉",
          content: "楼道堆物",
          address: "西马庄小区3号楼",
        },
        {},
        { orderNo: "GD-2", receivedAt: "2026-11-21 08:00", kind: "建议", content: "建议增设路灯", lon: 116.65, lat: 39.91 },
      ],
      { title: "12345 工单导出（2026-11-21）" },
    );
    const file = await readOrderFile("工单.xlsx", bytes);
    expect(file.format).toBe("xlsx");
    // The title is row 1, the header row 2; the blank row 4 is skipped.
    expect(file.rows.map((r) => r.rowNumber)).toEqual([3, 5]);
    const prepared = prepareRows(file.rows, NOW);
    expect(prepared.map((p) => p.ok && [p.fields.orderNo, p.fields.receivedAt, p.fields.lon])).toEqual([
      ["202611200001", "2026-11-20T01:30:00.000Z", null],
      ["GD-2", "2026-11-21T00:00:00.000Z", 116.65],
    ]);
  });

  it("reads a GB18030 CSV written by Excel on Chinese Windows", async () => {
    const bytes = fs.readFileSync(path.join(import.meta.dirname, "fixtures/orders-gb18030.csv"));
    const file = await readOrderFile("orders.csv", new Uint8Array(bytes));
    expect(file.encoding).toBe("gb18030");
    const prepared = prepareRows(file.rows, NOW);
    expect(prepared[0]).toMatchObject({
      ok: true,
      fields: { orderNo: "GBK001", content: "夜间施工噪音扰民", address: "新华大街123号", kind: "complaint" },
    });
    // No address and no coordinates.
    expect(prepared[1]).toMatchObject({ ok: false, rejection: { code: "missing_location" } });
  });

  it("reads its own CSV (BOM, quotes) and marks the second row of an order number as a duplicate", async () => {
    const bytes = ordersCsv([
      {
        orderNo: "A1",
        receivedAt: "2026-11-20 09:30",
        kind: "举报",
        content: '有人说"明天再来"，至今未处理',
        address: "梨园北路196号",
      },
      { orderNo: "A1", receivedAt: "2026-11-20 09:31", kind: "举报", content: "重复派单", address: "梨园北路196号" },
    ]);
    const prepared = prepareRows((await readOrderFile("a.CSV", bytes)).rows, NOW);
    expect(prepared[0]).toMatchObject({ ok: true, fields: { content: '有人说"明天再来"，至今未处理' } });
    expect(prepared[1]).toMatchObject({
      ok: false,
      orderNo: "A1",
      rejection: { code: "duplicate_in_file", message: "与本文件第 2 行的工单编号重复，本行未导入" },
    });
  });

  it("refuses whole files with a reason", async () => {
    await expect(readOrderFile("a.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining(".xlsx"),
    });
    await expect(readOrderFile("a.xlsx", new TextEncoder().encode("not a zip"))).rejects.toMatchObject({
      message: expect.stringContaining("无法读取"),
    });
    await expect(readOrderFile("a.csv", new TextEncoder().encode("编号,内容\n1,x"))).rejects.toMatchObject({
      message: expect.stringContaining("找不到表头：工单编号、受理时间、诉求类型、诉求内容"),
    });
    await expect(readOrderFile("a.csv", new TextEncoder().encode(orderTemplateCsv()))).rejects.toMatchObject({
      message: "文件中没有数据",
    });
  });

  it("writes templates whose header the reader accepts", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await orderTemplateXlsx()) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["工单", "填写说明"]);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1, 5)).toEqual([
      "工单编号",
      "受理时间",
      "诉求类型",
      "事件类别",
    ]);
    expect(
      orderTemplateCsv().startsWith(
        "\uFEFF工单编号,受理时间,诉求类型,事件类别,诉求内容,事发地址,经度,纬度,坐标系,来电人,联系电话,紧急程度,办理时限",
      ),
    ).toBe(true);
  });
});
