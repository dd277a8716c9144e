import { PROVINCE_PREFIXES } from "./id-number";

/**
 * Masked forms of personal data, shown to roles that do not need the full value (DOMAIN: "ID numbers and
 * phones masked unless the role needs them"). Pure functions, usable in the browser.
 */

/** "11010519491231002X" → "110105********002X": the address code and the last four stay visible. */
export function maskIdNumber(value: string): string {
  const id = value.trim().toUpperCase();
  if (id.length < 11) return "*".repeat(id.length);
  return id.slice(0, 6) + "*".repeat(id.length - 10) + id.slice(-4);
}

/** "13812341234" → "138****1234": the carrier prefix and the last four stay visible. */
export function maskPhone(value: string): string {
  const phone = value.replace(/[\s-]/g, "");
  if (phone.length < 8) return "*".repeat(phone.length);
  return phone.slice(0, 3) + "*".repeat(phone.length - 7) + phone.slice(-4);
}

const DATE = "(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])";
/** 18-character identity number: address code, birth date 18xx–20xx, sequence, check character (0–9 or X). */
const ID_18 = `[1-9][0-9]{5}(?:18|19|20)[0-9]{2}${DATE}[0-9]{3}[0-9Xx]`;
/** 15-digit identity number of the first generation (before 1999): address code, YYMMDD, sequence. */
const ID_15 = `[1-9][0-9]{5}[0-9]{2}${DATE}[0-9]{3}`;
/** Not glued to a digit or a Latin letter: SJ202612030000001 (a case number) holds no identity number. */
const ALONE_BEFORE = "(?<![0-9A-Za-z])";
const ALONE_AFTER = "(?![0-9A-Za-z])";
const IDS_IN_TEXT = new RegExp(`${ALONE_BEFORE}(?:${ID_18}|${ID_15})${ALONE_AFTER}`, "g");
/** Mainland mobile: optional +86 / 86, then 1[3-9] and 9 digits, in groups of 3-4-4 with a space or dash allowed. */
const MOBILES_IN_TEXT = /(?<![0-9])((?:\+?86[\s-]?)?)(1[3-9][0-9](?:[\s-]?[0-9]{4}){2})(?![0-9])/g;
/** Landline with its area code (010, 02x, 0571 …, brackets allowed), then a 7–8-digit local number from 2–9. */
const LANDLINES_IN_TEXT = /(?<![0-9])(\(?0[1-9][0-9]{1,2}\)?)([\s-]?)([2-9][0-9]{6,7})(?![0-9])/g;

/**
 * Free text (a case description, a timeline note, a 12345 order's content, an address) with the personal
 * numbers people type into it masked. The one rule for every place free text is shown:
 * - identity numbers, 18 characters (ending 0–9 or X, any case) or 15 digits, whose first two digits are
 *   a province and whose birth date is a real month and day → maskIdNumber (110105********002X);
 * - mobiles, also with +86 and spaces or dashes → maskPhone (138****5678, the +86 kept);
 * - landlines with an area code (0571-87654321, (010)81234567) → the area code and the last two digits.
 * Left alone: any number glued to a longer digit run or to a Latin letter (case numbers SJ2026…, order
 * numbers, a 12-digit region code, 19+ digit runs), amounts, dates, house numbers, 12345 and other short
 * service numbers, and local numbers without an area code (8 digits cannot be told from a date or a code).
 */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(IDS_IN_TEXT, (m) => (PROVINCE_PREFIXES.has(m.slice(0, 2)) ? maskIdNumber(m) : m))
    .replace(MOBILES_IN_TEXT, (_m, prefix: string, phone: string) => prefix + maskPhone(phone))
    .replace(
      LANDLINES_IN_TEXT,
      (_m, area: string, sep: string, local: string) => area + sep + "*".repeat(local.length - 2) + local.slice(-2),
    );
}

/** Two-character surnames (复姓) that stay whole when a name is masked. */
export const COMPOUND_SURNAMES = [
  "欧阳",
  "司马",
  "上官",
  "诸葛",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "夏侯",
  "轩辕",
  "令狐",
  "端木",
  "独孤",
  "南宫",
  "西门",
  "澹台",
  "呼延",
  "百里",
  "东郭",
  "闻人",
  "万俟",
  "赫连",
] as const;

/** Key persons' names: the surname stays, each given-name character becomes "*" ("张三" → "张*", "欧阳娜娜" → "欧阳**"). */
export function maskName(value: string): string {
  const name = value.trim();
  const chars = Array.from(name);
  // A one-character name is all surname; showing it would show the whole name.
  if (chars.length <= 1) return "*";
  const surnameLength = chars.length > 2 && COMPOUND_SURNAMES.some((s) => name.startsWith(s)) ? 2 : 1;
  return chars.slice(0, surnameLength).join("") + "*".repeat(chars.length - surnameLength);
}

/** 6 leading digits, 8 stars, 4 trailing characters: the form stored in resident.id_number_masked. */
export const MASKED_ID_PATTERN = /^[0-9]{6}\*{8}[0-9]{3}[0-9X]$/;

/** 3 leading digits, 4 stars, 4 trailing digits: the form stored in resident.phone_masked. */
export const MASKED_PHONE_PATTERN = /^1[0-9]{2}\*{4}[0-9]{4}$/;

/** Any 18-character GB 11643 identity number in a text (tests use it to prove nothing leaks). */
export const FULL_ID_PATTERN =
  /(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X](?![0-9])/;
