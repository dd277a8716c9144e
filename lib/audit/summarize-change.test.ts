import { describe, expect, it } from "vitest";
import { decodeStoredJson, formatValue, summarizeChange } from "./summarize-change";

describe("summarizeChange", () => {
  it("lists only the fields that changed", () => {
    expect(summarizeChange({ status: "active", name: "张三" }, { status: "disabled", name: "张三" })).toEqual([
      "status: active → disabled",
    ]);
    expect(summarizeChange({ roles: ["grid_worker"] }, { roles: ["grid_worker", "xiaoqu_head"] })).toEqual([
      "roles: grid_worker → grid_worker、xiaoqu_head",
    ]);
  });

  it("shows a field that appeared or disappeared as empty on the other side", () => {
    expect(summarizeChange({ a: 1 }, { a: 1, b: "x" })).toEqual(["b: （空） → x"]);
    expect(summarizeChange({ a: 1, b: "x" }, { a: 1 })).toEqual(["b: x → （空）"]);
  });

  it("lists every field of a creation or a removal", () => {
    expect(summarizeChange(null, { username: "zhangsan", disabled: false })).toEqual(["新建", "用户名: zhangsan", "已停用: 否"]);
    expect(summarizeChange({ username: "zhangsan" }, null)).toEqual(["删除", "用户名: zhangsan"]);
  });

  it("handles scalars and nothing at all", () => {
    expect(summarizeChange(null, null)).toEqual([]);
    expect(summarizeChange(undefined, undefined)).toEqual([]);
    expect(summarizeChange(1, 2)).toEqual(["1 → 2"]);
    expect(summarizeChange(null, "x")).toEqual(["（空） → x"]);
  });

  it("keeps at most six lines", () => {
    const after = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    const lines = summarizeChange(null, after);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe("等 6 项");
  });
});

describe("formatValue", () => {
  it("cuts long values and shows nested objects as JSON", () => {
    expect(formatValue("很".repeat(80))).toBe(`${"很".repeat(59)}…`);
    expect(formatValue({ a: [1, { b: 2 }] })).toBe('{"a":[1,{"b":2}]}');
    expect(formatValue([{ role: "x" }])).toBe('[{"role":"x"}]');
    expect(formatValue("")).toBe("（空）");
  });
});

describe("decodeStoredJson", () => {
  it("decodes objects, arrays and null stored as JSON text, leaves other values alone", () => {
    expect(decodeStoredJson('{"status":"active"}')).toEqual({ status: "active" });
    expect(decodeStoredJson("[1,2]")).toEqual([1, 2]);
    expect(decodeStoredJson("null")).toBeNull();
    expect(decodeStoredJson({ a: 1 })).toEqual({ a: 1 });
    expect(decodeStoredJson(null)).toBeNull();
    expect(decodeStoredJson("active")).toBe("active");
    expect(decodeStoredJson("{not json")).toBe("{not json");
    expect(decodeStoredJson("123")).toBe("123");
  });
});
