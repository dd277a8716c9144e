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
