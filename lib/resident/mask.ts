/**
 * Masking rules for what the console shows (DOMAIN: "ID numbers and phones masked unless the role
 * needs them"). Identity numbers and phones are masked when stored (resident.id_number_masked,
 * phone_masked); names are masked here, for key persons only, whose records carry stricter rules.
 */

/** 张三 → 张*, 欧阳娜娜 → 欧***: the family name stays so a grid head can still recognise the household. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return "*";
  return chars[0] + "*".repeat(chars.length - 1);
}

/** 6 leading digits, 8 stars, 4 trailing characters: the form stored in id_number_masked. */
export const MASKED_ID_PATTERN = /^[0-9]{6}\*{8}[0-9]{3}[0-9X]$/;

/** 3 leading digits, 4 stars, 4 trailing digits: the form stored in phone_masked. */
export const MASKED_PHONE_PATTERN = /^1[0-9]{2}\*{4}[0-9]{4}$/;

/** Any 18-character GB 11643 identity number in a text (used by tests to prove nothing leaks). */
export const FULL_ID_PATTERN = /(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X](?![0-9])/;
