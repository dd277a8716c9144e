import { describe, expect, it } from "vitest";
import {
  FULL_ID_PATTERN,
  MASKED_ID_PATTERN,
  MASKED_PHONE_PATTERN,
  maskIdNumber,
  maskName,
  maskPersonalNumbers,
  maskPhone,
} from "./mask";

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

describe("maskPersonalNumbers (free text)", () => {
  it("masks 18-character identity numbers, with X in either case, inside Chinese text without spaces", () => {
    expect(maskPersonalNumbers("身份证11010519491231002X已登记")).toBe("身份证110105********002X已登记");
    expect(maskPersonalNumbers("身份证号11010519491231002x")).toBe("身份证号110105********002X");
    expect(maskPersonalNumbers("户主330106199003071234，租户")).toBe("户主330106********1234，租户");
  });

  it("masks 15-digit identity numbers of the first generation", () => {
    expect(maskPersonalNumbers("老证号110105491231002。")).toBe("老证号110105*****1002。");
  });

  it("masks mobiles with +86, spaces or dashes", () => {
    expect(maskPersonalNumbers("电话13812345678")).toBe("电话138****5678");
    expect(maskPersonalNumbers("请联系+86 13800138000或8613912345678")).toBe("请联系+86 138****8000或86139****5678");
    expect(maskPersonalNumbers("电话 139-1234-5678 或 158 1234 5678")).toBe("电话 139****5678 或 158****5678");
  });

  it("masks landlines with an area code, keeping the area code", () => {
    expect(maskPersonalNumbers("座机0571-87654321")).toBe("座机0571-******21");
    expect(maskPersonalNumbers("座机010-81234567，(021)62345678")).toBe("座机010-******67，(021)******78");
    expect(maskPersonalNumbers("057187654321")).toBe("0571******21");
  });

  it("masks several numbers in one text", () => {
    expect(maskPersonalNumbers("王某（110105194912310021，13812345678）反映")).toBe(
      "王某（110105********0021，138****5678）反映",
    );
  });

  it("leaves numbers that are not personal: case and order numbers, region codes, amounts, dates, service numbers", () => {
    const untouched = [
      "案件SJ202612030000001已办结",
      "工单 GD2026120300012 转办",
      "区划代码 330106001001，网格 3301060010010001",
      "罚款 15000000 元，面积 1234.5678 平方米",
      "2026-12-03 14:30 巡查，井盖编号 20261120",
      "拨打12345或110，门牌 12 号 8 号楼 501 室",
      // 18 digits whose birth date is no date (month 13) and 19 digits: not identity numbers.
      "编号 110105194913310021 与 1101051949123100211",
      // Looks like an identity number but the first two digits are no province.
      "流水 990105194912310021",
      // Mobiles must start 13–19 and be 11 digits; 12345678901 starts with 12.
      "12345678901 或 1381234567",
    ];
    for (const text of untouched) expect(maskPersonalNumbers(text)).toBe(text);
  });

  it("leaves already masked values as they are", () => {
    expect(maskPersonalNumbers("110105********002X 138****5678")).toBe("110105********002X 138****5678");
  });
});
