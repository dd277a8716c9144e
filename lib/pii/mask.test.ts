import { describe, expect, it } from "vitest";
import { maskIdNumber, maskName, maskPhone } from "./mask";

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
    expect(maskName("李")).toBe("李");
  });
});
