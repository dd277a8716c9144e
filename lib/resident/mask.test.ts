import { describe, expect, it } from "vitest";
import { FULL_ID_PATTERN, MASKED_ID_PATTERN, MASKED_PHONE_PATTERN, maskName } from "./mask";

describe("maskName", () => {
  it("keeps the family name and stars the rest", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("李小龙")).toBe("李**");
    expect(maskName("欧阳娜娜")).toBe("欧***");
  });
  it("never returns a one-character name unmasked", () => {
    expect(maskName("王")).toBe("*");
    expect(maskName("")).toBe("*");
  });
});

describe("masked patterns", () => {
  it("accept the stored masked forms", () => {
    expect(MASKED_ID_PATTERN.test("110112********1234")).toBe(true);
    expect(MASKED_ID_PATTERN.test("110112********123X")).toBe(true);
    expect(MASKED_PHONE_PATTERN.test("138****1234")).toBe(true);
  });
  it("reject full numbers", () => {
    expect(MASKED_ID_PATTERN.test("110112199001011234")).toBe(false);
    expect(MASKED_PHONE_PATTERN.test("13812341234")).toBe(false);
  });
  it("finds a full identity number inside HTML but not a masked one", () => {
    expect(FULL_ID_PATTERN.test("<td>11011219900101123X</td>")).toBe(true);
    expect(FULL_ID_PATTERN.test("<td>110112********123X</td>")).toBe(false);
    expect(FULL_ID_PATTERN.test("id=1101121990010112345")).toBe(false);
  });
});
