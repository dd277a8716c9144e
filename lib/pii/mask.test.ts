import { describe, expect, it } from "vitest";
import { FULL_ID_PATTERN, MASKED_ID_PATTERN, MASKED_PHONE_PATTERN, maskIdNumber, maskName, maskPhone } from "./mask";

describe("masking", () => {
  it("masks identity numbers to address code + last four", () => {
    expect(maskIdNumber("110112199003071234")).toBe("110112********1234");
    expect(maskIdNumber("11010519491231002x")).toBe("110105********002X");
    expect(maskIdNumber("123")).toBe("***");
  });

  it("masks phones to prefix + last four", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskPhone("138 1234 1234")).toBe("138****1234");
    expect(maskPhone("12345")).toBe("*****");
  });

  it("keeps only the surname, compound surnames whole", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("王小明")).toBe("王**");
    expect(maskName("欧阳娜娜")).toBe("欧阳**");
    expect(maskName("欧阳修")).toBe("欧阳*");
    // Two characters: 欧 is the surname, 阳 the given name.
    expect(maskName("欧阳")).toBe("欧*");
    expect(maskName("李")).toBe("*");
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
