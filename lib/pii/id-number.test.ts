import { describe, expect, it } from "vitest";
import { ID_NUMBER_WEIGHTS, idCheckCharacter, isValidIdNumber, makeIdNumber, validateIdNumber } from "./id-number";

const TODAY = new Date("2026-11-23T00:00:00Z");

describe("GB 11643 check character (ISO 7064 MOD 11-2)", () => {
  it("uses the weights 2^(17-i) mod 11", () => {
    expect(ID_NUMBER_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11));
  });

  it("computes the standard's example 11010519491231002X", () => {
    // digits  1  1  0  1  0  5  1  9  4  9  1  2  3  1  0  0  2
    // weights 7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
    // 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → "X"
    expect(idCheckCharacter("11010519491231002")).toBe("X");
    expect(validateIdNumber("11010519491231002X", TODAY)).toEqual({
      valid: true,
      idNumber: "11010519491231002X",
      addressCode: "110105",
      birthDate: "1949-12-31",
      gender: "F",
    });
  });

  it("computes worked examples checked by hand", () => {
    // 110112 19900307 123: 7+9+0+5+8+8+2+9+54+0+0+27+0+35+8+8+6 = 186; 186 mod 11 = 10 → "2"
    expect(idCheckCharacter("11011219900307123")).toBe("2");
    // 440305 20000229 004: 28+36+0+15+0+20+4+0+0+0+0+18+20+45+0+0+8 = 194; 194 mod 11 = 7 → "5"
    expect(idCheckCharacter("44030520000229004")).toBe("5");
    // 310101 19781201 011: 21+9+0+5+0+4+2+9+42+24+7+18+0+5+0+4+2 = 152; 152 mod 11 = 9 → "3"
    expect(idCheckCharacter("31010119781201011")).toBe("3");
    expect(isValidIdNumber("110112199003071232", TODAY)).toBe(true);
    expect(isValidIdNumber("440305200002290045", TODAY)).toBe(true);
    expect(isValidIdNumber("310101197812010113", TODAY)).toBe(true);
  });

  it("accepts a lower-case x and surrounding spaces", () => {
    expect(isValidIdNumber(" 11010519491231002x ", TODAY)).toBe(true);
  });

  it("rejects every single-digit change", () => {
    const valid = "11010519491231002X";
    for (let i = 0; i < 18; i++) {
      for (const c of "0123456789X") {
        if (c === valid[i] || (c === "X" && i < 17)) continue;
        const changed = valid.slice(0, i) + c + valid.slice(i + 1);
        expect(isValidIdNumber(changed, TODAY), changed).toBe(false);
      }
    }
  });
});

describe("validateIdNumber reasons", () => {
  it("reports length, format, address code, birth date and check digit problems", () => {
    expect(validateIdNumber("1101051949123100", TODAY)).toMatchObject({
      valid: false,
      problem: "length",
      message: "身份证号码应为18位，实际为16位",
    });
    expect(validateIdNumber("1101051949123100XX", TODAY)).toMatchObject({ valid: false, problem: "format" });
    expect(validateIdNumber("99010519491231002X", TODAY)).toMatchObject({ valid: false, problem: "address_code" });
    // 2019 is not a leap year: 29 February never happened, whatever the check character.
    expect(validateIdNumber("110112201902290011", TODAY)).toMatchObject({ valid: false, problem: "birth_date" });
    expect(validateIdNumber("110112189912310011", TODAY)).toMatchObject({ valid: false, problem: "birth_date" });
    expect(validateIdNumber("110112202701010011", TODAY)).toMatchObject({ valid: false, problem: "birth_date" });
    // born today in Beijing (04:00 on 11-24), while it is still 11-23 in UTC: a real birth date, not a future one
    const newborn = makeIdNumber({ addressCode: "110112", birthDate: "2026-11-24", ordinal: 1, gender: "F" });
    expect(validateIdNumber(newborn, new Date("2026-11-23T20:00:00Z"))).toMatchObject({ valid: true, birthDate: "2026-11-24" });
    expect(validateIdNumber(newborn, new Date("2026-11-23T15:00:00Z"))).toMatchObject({ valid: false, problem: "birth_date" });
    expect(validateIdNumber("110112199003071233", TODAY)).toEqual({
      valid: false,
      problem: "check_digit",
      message: "校验码错误：应为2，实际为3",
    });
  });
});

describe("makeIdNumber", () => {
  it("builds the hand-computed numbers", () => {
    expect(makeIdNumber({ addressCode: "110112", birthDate: "1990-03-07", ordinal: 61, gender: "M" })).toBe("110112199003071232");
    expect(makeIdNumber({ addressCode: "440305", birthDate: "2000-02-29", ordinal: 1, gender: "F" })).toBe("440305200002290045");
  });

  it("makes the 17th digit odd for men and even for women, and every number valid", () => {
    for (let ordinal = 0; ordinal < 499; ordinal += 7) {
      const m = makeIdNumber({ addressCode: "110112", birthDate: "1985-06-15", ordinal, gender: "M" });
      const f = makeIdNumber({ addressCode: "110112", birthDate: "1985-06-15", ordinal, gender: "F" });
      expect(Number(m[16]) % 2).toBe(1);
      expect(Number(f[16]) % 2).toBe(0);
      expect(validateIdNumber(m, TODAY)).toMatchObject({ valid: true, gender: "M", birthDate: "1985-06-15" });
      expect(validateIdNumber(f, TODAY)).toMatchObject({ valid: true, gender: "F" });
    }
    expect(makeIdNumber({ addressCode: "110112", birthDate: "1985-06-15", ordinal: 499, gender: "M" }).slice(14, 17)).toBe("999");
  });

  it("refuses impossible input", () => {
    expect(() => makeIdNumber({ addressCode: "110112", birthDate: "2019-02-29", ordinal: 0, gender: "M" })).toThrow(/birth date/);
    expect(() => makeIdNumber({ addressCode: "11011", birthDate: "2019-02-28", ordinal: 0, gender: "M" })).toThrow(/6 digits/);
    expect(() => makeIdNumber({ addressCode: "110112", birthDate: "2019-02-28", ordinal: 499, gender: "F" })).toThrow(/0\.\.498/);
  });
});
