import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "./errors";
import { findNulCharacter } from "./text-input";

describe("NUL characters in input", () => {
  it("finds the first string holding one, by path", () => {
    expect(findNulCharacter("ok")).toBeNull();
    expect(findNulCharacter("a\u0000b")).toBe("");
    expect(findNulCharacter({ note: "fine", rows: [{ name: "x" }, { name: "y\u0000" }] })).toBe("rows.1.name");
    expect(findNulCharacter(new Map([["description", "\u0000"]]))).toBe("description");
    expect(findNulCharacter({ n: 1, b: true, d: new Date(0), z: null })).toBeNull();
  });

  it("parseInput refuses them with a 400 in Chinese naming the field (never stripped)", () => {
    const schema = z.object({ note: z.string() });
    expect(() => parseInput(schema, { note: "路灯\u0000不亮" })).toThrow(
      expect.objectContaining({ code: "VALIDATION", details: { note: "输入中含有不允许的控制字符（NUL），请删除后重试。" } }),
    );
    expect(parseInput(schema, { note: "路灯不亮" })).toEqual({ note: "路灯不亮" });
  });

  it("zod's own messages are Chinese (lib/zod-config.ts)", () => {
    expect(() => parseInput(z.object({ n: z.number() }), { n: "x" })).toThrow(
      expect.objectContaining({ details: { n: "无效输入：期望 数字，实际接收 string" } }),
    );
  });
});
