/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth date
 * (YYYYMMDD), 3-digit sequence code whose last digit is odd for men and even for women, and a check
 * character computed with ISO 7064 MOD 11-2 (0–9 or X for ten).
 *
 * Pure functions, no server dependency: the browser may validate a number typed into a form.
 */

import { beijingDay } from "../format/time";

/** Weight of each of the first 17 digits: 2^(17 - i) mod 11 (ISO 7064 MOD 11-2). */
export const ID_NUMBER_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check character indexed by (sum of weighted digits) mod 11. */
const CHECK_CHARACTERS = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"] as const;

/**
 * Province-level prefixes of the address code (GB/T 2260). A number whose first two digits are not one
 * of them cannot have been issued.
 */
export const PROVINCE_PREFIXES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
]);

export type IdNumberProblem = "length" | "format" | "address_code" | "birth_date" | "check_digit";

export type IdNumberCheck =
  | { valid: true; idNumber: string; addressCode: string; birthDate: string; gender: "M" | "F" }
  | { valid: false; problem: IdNumberProblem; message: string };

/** Trims and upper-cases the check character, the form in which numbers are stored, hashed and compared. */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character (0–9 or X) for the first 17 digits of an identity number. */
export function idCheckCharacter(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) throw new Error(`idCheckCharacter needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_NUMBER_WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** True when y-m-d is a real calendar date (no 2月30日, 29 February only in leap years). */
function isRealDate(year: number, month: number, day: number) {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Checks an identity number: 18 characters, 17 digits and a digit or X, an issued province prefix,
 * a real birth date between 1900-01-01 and `today`, and the MOD 11-2 check character.
 * Problems come with a Chinese message for the UI.
 */
export function validateIdNumber(value: string, today: Date = new Date()): IdNumberCheck {
  const id = normalizeIdNumber(value);
  if (id.length !== 18) {
    return { valid: false, problem: "length", message: `身份证号码应为18位，实际为${id.length}位` };
  }
  if (!/^[0-9]{17}[0-9X]$/.test(id)) {
    return { valid: false, problem: "format", message: "身份证号码前17位应为数字，末位应为数字或X" };
  }
  const addressCode = id.slice(0, 6);
  if (!PROVINCE_PREFIXES.has(addressCode.slice(0, 2))) {
    return { valid: false, problem: "address_code", message: `地址码${addressCode}不是有效的行政区划代码` };
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  // "today" is the Beijing calendar day: someone born today (Beijing) is valid before 08:00 UTC too
  const todayIso = beijingDay(today);
  if (!isRealDate(year, month, day) || year < 1900 || birthDate > todayIso) {
    return { valid: false, problem: "birth_date", message: `出生日期${id.slice(6, 14)}不是有效日期` };
  }
  const expected = idCheckCharacter(id.slice(0, 17));
  if (id[17] !== expected) {
    return { valid: false, problem: "check_digit", message: `校验码错误：应为${expected}，实际为${id[17]}` };
  }
  return { valid: true, idNumber: id, addressCode, birthDate, gender: Number(id[16]) % 2 === 1 ? "M" : "F" };
}

/** Shorthand for `validateIdNumber(value).valid`. */
export function isValidIdNumber(value: string, today?: Date): boolean {
  return validateIdNumber(value, today).valid;
}

export type IdNumberParts = {
  /** 6-digit administrative division code of the place of registration. */
  addressCode: string;
  /** Birth date as YYYY-MM-DD. */
  birthDate: string;
  /**
   * Ordinal of the person among those of the same gender born that day in that place: 0–499 for men
   * (sequence codes 001, 003 … 999), 0–498 for women (002, 004 … 998).
   */
  ordinal: number;
  gender: "M" | "F";
};

/** Builds a valid identity number: the 17th digit is odd for men, even for women (GB 11643). */
export function makeIdNumber({ addressCode, birthDate, ordinal, gender }: IdNumberParts): string {
  if (!/^[0-9]{6}$/.test(addressCode)) throw new Error(`address code must be 6 digits, got "${addressCode}"`);
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(birthDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new Error(`not a real birth date: "${birthDate}"`);
  const maxOrdinal = gender === "M" ? 499 : 498;
  if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal > maxOrdinal) {
    throw new Error(`ordinal must be an integer in 0..${maxOrdinal}, got ${ordinal}`);
  }
  const sequence = gender === "M" ? 2 * ordinal + 1 : 2 * ordinal + 2;
  const first17 = `${addressCode}${m[1]}${m[2]}${m[3]}${String(sequence).padStart(3, "0")}`;
  return first17 + idCheckCharacter(first17);
}
