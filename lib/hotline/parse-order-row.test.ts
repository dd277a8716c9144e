import { describe, expect, it } from "vitest";
import { mapHeader } from "./columns";
import { bd09ToGcj02, gcj02ToWgs84, parseCoordinateSystem, toWgs84, wgs84ToGcj02 } from "./coordinates";
import { decodeCsvBytes, parseCsv } from "./csv-parse";
import { findDuplicatesInFile, parseOrderRow, type RawOrderRow } from "./parse-order-row";
import { formatBeijing, parseOrderTime } from "./parse-time";

const NOW = new Date("2026-11-25T04:00:00Z");

function row(cells: RawOrderRow["cells"], rowNumber = 2): RawOrderRow {
  return {
    rowNumber,
    cells: {
      orderNo: "GD001",
      receivedAt: "2026-11-20 09:30",
      kind: "投诉",
      content: "垃圾三天无人清运",
      address: "西马庄小区3号楼",
      ...cells,
    },
  };
}

describe("parseOrderTime (Beijing time)", () => {
  it.each([
    ["2026-11-20 09:30", "2026-11-20T01:30:00.000Z"],
    ["2026/11/20 9:30:05", "2026-11-20T01:30:05.000Z"],
    ["2026.11.20", "2026-11-19T16:00:00.000Z"],
    ["2026年11月20日 9时30分", "2026-11-20T01:30:00.000Z"],
    ["2026年11月20日9时30分", "2026-11-20T01:30:00.000Z"],
    ["２０２６－１１－２０　０９：３０", "2026-11-20T01:30:00.000Z"],
    ["2026-11-20T09:30:00+08:00", "2026-11-20T01:30:00.000Z"],
    ["2026-11-20T01:30:00Z", "2026-11-20T01:30:00.000Z"],
  ])("%s", (text, iso) => expect(parseOrderTime(text)?.toISOString()).toBe(iso));

  it("reads an Excel date cell (wall clock in the UTC fields) and an Excel serial", () => {
    expect(parseOrderTime(new Date(Date.UTC(2026, 10, 20, 9, 30)))?.toISOString()).toBe("2026-11-20T01:30:00.000Z");
    // 46346 = 2026-11-20 in Excel's 1900 system; .395833… = 09:30.
    expect(parseOrderTime(46346 + 9.5 / 24)?.toISOString()).toBe("2026-11-20T01:30:00.000Z");
  });

  it.each(["2026-02-30 10:00", "2026-11-20 25:00", "昨天下午", "20", "", "11/20/2026"])("refuses %j", (text) =>
    expect(parseOrderTime(text)).toBeNull(),
  );

  it("formats back as Beijing wall time", () => expect(formatBeijing(new Date("2026-11-20T01:30:00Z"))).toBe("2026-11-20 09:30"));
});

describe("parseOrderRow", () => {
  it("accepts a good row and normalises its fields", () => {
    const parsed = parseOrderRow(
      row({
        orderNo: " ＧＤ００１ ",
        kind: "投诉类",
        urgency: "紧急",
        reporterPhone: "138-0013-8000",
        dueAt: "2026-11-27 18:00",
      }),
      NOW,
    );
    expect(parsed).toEqual({
      ok: true,
      fields: {
        orderNo: "GD001",
        receivedAt: "2026-11-20T01:30:00.000Z",
        kind: "complaint",
        category: null,
        content: "垃圾三天无人清运",
        address: "西马庄小区3号楼",
        lon: null,
        lat: null,
        reporterName: null,
        reporterPhone: "13800138000",
        urgency: "urgent",
        dueAt: "2026-11-27T10:00:00.000Z",
      },
    });
  });

  it.each([
    [{ content: "" }, "missing_field", "缺少必填项：诉求内容"],
    [{ orderNo: null, kind: "" }, "missing_field", "缺少必填项：工单编号、诉求类型"],
    [{ receivedAt: "2026-13-01" }, "invalid_time", "受理时间格式不正确"],
    [{ receivedAt: "2026-12-25 09:00" }, "future_time", "受理时间晚于当前时间"],
    [{ kind: "表扬" }, "unknown_kind", "诉求类型「表扬」无法识别"],
    [{ content: "脏" }, "invalid_content", "诉求内容应为 2 至 4000 字"],
    [{ orderNo: "GD 001/2" }, "invalid_order_no", "工单编号只能由"],
    [{ orderNo: 202611200001234567 }, "invalid_order_no", "存成了数字"],
    [{ lon: "116.65" }, "invalid_coordinates", "应同时填写经度和纬度"],
    [{ lon: "39.9", lat: "116.6" }, "swapped_coordinates", "填反"],
    [{ lon: "200", lat: "39.9" }, "invalid_coordinates", "经纬度不正确"],
    [{ lon: "116.6", lat: "39.9", crs: "墨卡托" }, "invalid_crs", "坐标系「墨卡托」"],
    [{ address: null }, "missing_location", "既没有经纬度也没有事发地址"],
    [{ reporterPhone: "010-12345678转8" }, "invalid_phone", "联系电话格式不正确"],
    [{ urgency: "很急" }, "unknown_urgency", "紧急程度「很急」"],
    [{ dueAt: "下周" }, "invalid_due_time", "办理时限格式不正确"],
  ] as const)("%j → %s", (cells, code, message) => {
    const parsed = parseOrderRow(row(cells as RawOrderRow["cells"]), NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.rejection.code).toBe(code);
      expect(parsed.rejection.message).toContain(message);
    }
  });

  it("converts GCJ-02 coordinates to WGS-84", () => {
    const [gx, gy] = wgs84ToGcj02(116.65, 39.91);
    const parsed = parseOrderRow(row({ lon: gx, lat: gy, crs: "高德" }), NOW);
    expect(parsed.ok && [parsed.fields.lon, parsed.fields.lat]).toEqual([116.65, 39.91]);
  });

  it("keeps the first of two rows with one order number", () => {
    const dups = findDuplicatesInFile([
      { index: 0, rowNumber: 2, orderNo: "A" },
      { index: 1, rowNumber: 3, orderNo: "B" },
      { index: 2, rowNumber: 4, orderNo: "A" },
    ]);
    expect([...dups.keys()]).toEqual([2]);
    expect(dups.get(2)?.message).toBe("与本文件第 2 行的工单编号重复，本行未导入");
  });
});

describe("coordinates", () => {
  it("round-trips GCJ-02 within a centimetre and knows the offset near Beijing (~ 100–700 m)", () => {
    const [gx, gy] = wgs84ToGcj02(116.397, 39.909);
    expect(Math.abs(gx - 116.397) + Math.abs(gy - 39.909)).toBeGreaterThan(0.001);
    const [x, y] = gcj02ToWgs84(gx, gy);
    expect(Math.abs(x - 116.397)).toBeLessThan(1e-7);
    expect(Math.abs(y - 39.909)).toBeLessThan(1e-7);
  });
  it("BD-09 of Tiananmen (Baidu's 116.404, 39.915) lands near the GCJ-02 point", () => {
    const [gx, gy] = bd09ToGcj02(116.404, 39.915);
    expect(gx).toBeCloseTo(116.3976, 3);
    expect(gy).toBeCloseTo(39.9089, 3);
    expect(toWgs84(116.404, 39.915, "BD09")[0]).toBeLessThan(gx);
  });
  it("reads the spellings", () => {
    expect(parseCoordinateSystem("")).toBe("WGS84");
    expect(parseCoordinateSystem("gcj-02")).toBe("GCJ02");
    expect(parseCoordinateSystem("百度")).toBe("BD09");
    expect(parseCoordinateSystem("UTM")).toBeNull();
  });
});

describe("CSV", () => {
  it("reads quotes, doubled quotes, line breaks in fields and CRLF", () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""\nz",3\r\n')).toEqual([
      ["a", "b", "c"],
      ["1", 'x, "y"\nz', "3"],
    ]);
  });
  it("reads tab-separated text", () =>
    expect(parseCsv("a\tb\n1\t2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]));

  it("decodes UTF-8 with and without BOM, and GB18030", () => {
    const text = "工单编号,诉求内容\n1,噪音扰民";
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsvBytes(utf8)).toEqual({ text, encoding: "utf-8" });
    // "工单" in GBK: B9 A4 B5 A5.
    expect(decodeCsvBytes(new Uint8Array([0xb9, 0xa4, 0xb5, 0xa5]))).toEqual({ text: "工单", encoding: "gb18030" });
  });

  it("maps headers by name and aliases, in any order, and names what is missing", () => {
    const m = mapHeader(["诉求内容", "工单号", "*受理时间", "备注", "经度"]);
    expect([...m.columns.entries()]).toEqual([
      [0, "content"],
      [1, "orderNo"],
      [2, "receivedAt"],
      [4, "lon"],
    ]);
    expect(m.missing).toEqual(["诉求类型"]);
    expect(m.ignored).toEqual(["备注"]);
  });
});
