import { describe, expect, it } from "vitest";
import { idSchema, INT4_MAX, parseId } from "./id";

describe("parseId: plain positive decimal only", () => {
  it("accepts digits and safe integers within the column's range", () => {
    expect(parseId("12")).toBe(12);
    expect(parseId(12)).toBe(12);
    expect(parseId(String(INT4_MAX))).toBe(INT4_MAX);
    expect(parseId("2147483648", "bigint")).toBe(2147483648);
    expect(parseId("9007199254740991", "bigint")).toBe(9007199254740991);
  });

  it("refuses what Number() would read as a number", () => {
    for (const odd of [
      "1e3",
      "0x10",
      " 12",
      "12 ",
      "12abc",
      "-1",
      "+1",
      "0",
      "012",
      "1.5",
      "",
      "%",
      "\u0000",
      "１２",
      "Infinity",
    ])
      expect([odd, parseId(odd)]).toEqual([odd, null]);
    for (const odd of [0, -1, 1.5, NaN, Infinity, 2 ** 53, null, undefined, true, {}, [12]]) expect(parseId(odd)).toBeNull();
  });

  it("refuses ids beyond the column: int4 by default, 2^53 for bigint", () => {
    expect(parseId("2147483648")).toBeNull();
    expect(parseId(2147483648)).toBeNull();
    expect(parseId("9007199254740992", "bigint")).toBeNull();
    expect(parseId("99999999999999999999", "bigint")).toBeNull();
  });
});

describe("idSchema", () => {
  it("parses to a number and fails with the given Chinese message", () => {
    const schema = idSchema("编号不对");
    expect(schema.parse("7")).toBe(7);
    const failed = schema.safeParse("1e3");
    expect(failed.success).toBe(false);
    expect(failed.error?.issues.map((i) => i.message)).toEqual(["编号不对"]);
    expect(schema.safeParse(undefined).error?.issues.map((i) => i.message)).toEqual(["编号不对"]);
  });
});
