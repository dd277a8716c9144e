/**
 * Chinese addresses reduced to what identifies a building or a house number (pure):
 *   "北京市通州区永顺镇西马庄小区３栋２单元５０１室" → { street: "永顺镇", place: "西马庄小区", number: "3" }
 *   "通州区永顺镇西马庄小区3号楼" (the building table)  → { street: "永顺镇", place: "西马庄小区", number: "3" }
 *   "新华大街一百二十三号"                               → { place: "新华大街", number: "123" }
 * Steps: fold full-width forms (NFKC), drop spaces and punctuation, strip the city, district and street
 * prefixes the caller names (the street is kept as a hint), write Chinese numerals before 号/栋/楼/单元/室 as
 * digits, cut the unit and room (2单元501室, 3-2-501, 501室), then read the last building designator
 * (号楼 / 号 / 栋 / 幢 / 座 / #) as the number and everything before it as the place. 号院 (a compound's
 * number) stays part of the place: "梨园路5号院3号楼" is building 3 of 梨园路5号院.
 */

export type AddressKey = {
  /** The street/town named in the address (one of the district's), if any: a hint to break ties. */
  street: string | null;
  /** What comes before the building number, without generic tails (小区/社区); "" when nothing. */
  place: string;
  /** The building or house number as digits (and a letter or -n suffix: 3A, 5-1); null without one. */
  number: string | null;
};

export type AddressPrefixes = {
  /** Names stripped at the start: city and district names with their short forms. */
  areas: readonly string[];
  /** The district's streets/towns (stripped, remembered as the hint). */
  streets: readonly string[];
};

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九百九十九 (also 二〇三 digit by digit) as a number; null when it is not a numeral. */
export function chineseNumeral(text: string): number | null {
  if (text === "") return null;
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return null;
  if (!/[十百]/.test(text)) {
    // Read digit by digit: 二〇三 → 203.
    return Number([...text].map((ch) => CN_DIGITS[ch]).join(""));
  }
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else {
      digit = CN_DIGITS[ch];
    }
  }
  return total + digit;
}

/**
 * Chinese numerals become digits (三号楼 → 3号楼, 十二栋 → 12栋, 永顺东里三期 → 永顺东里3期): people write both, and
 * names that contain a numeral (十里堡) change the same way on both sides of a comparison.
 */
function numeralsToDigits(text: string): string {
  return text.replace(/[零〇一二两三四五六七八九十百]+/g, (m) => {
    const n = chineseNumeral(m);
    return n === null ? m : String(n);
  });
}

const PUNCTUATION = /[\s,.;:!?'"`()[\]{}<>，。；：！？、“”‘’（）【】《》〈〉「」·…]/g;

/** Folded text: NFKC (full-width digits and letters), no spaces or punctuation, # and - kept. */
export function foldAddress(text: string): string {
  return text.normalize("NFKC").replace(PUNCTUATION, "").replace(/[—–_]/g, "-");
}

const UNIT_TAIL = /(\d+)(单元|门|入口).*$/;
const ROOM_TAIL = /(-\d+)?-\d+(室|号房|房)?$|(\d+)(室|层|楼层|户|号房).*$/;
/** Building designators; 号院 is a compound's number and belongs to the place. */
const DESIGNATOR = /(\d+[A-Za-z]?(?:-\d+)?)(号楼|號楼|栋楼|号(?!院)|栋|幢|座|#楼|#)/g;
const GENERIC_TAIL = /(小区|社区|居委会|村委会)$/;

/** Reduces an address to its key. `prefixes` are the district's own names (built from the region tree). */
export function addressKey(raw: string, prefixes: AddressPrefixes): AddressKey {
  let text = foldAddress(raw);
  let street: string | null = null;
  // Strip known prefixes in any order (北京市通州区永顺镇 / 通州永顺镇 / 永顺镇), remembering the street.
  for (let changed = true; changed;) {
    changed = false;
    for (const name of prefixes.areas) {
      if (name && text.startsWith(name)) {
        text = text.slice(name.length);
        changed = true;
      }
    }
    for (const name of prefixes.streets) {
      if (name && text.startsWith(name) && text.length > name.length) {
        street ??= name;
        text = text.slice(name.length);
        changed = true;
      }
    }
  }
  text = numeralsToDigits(text);
  // 3号楼2单元501室 → 3号楼; 3-2-501 → 3.
  const dashed = /^(.*?)(\d+)-\d+-\d+$/.exec(text);
  if (dashed) return { street, place: placeOf(dashed[1]), number: dashed[2] };
  text = text.replace(UNIT_TAIL, "");
  // The last explicit building designator (号楼/栋/幢/座/#) wins over a bare 号, which may be a room (3号楼501号).
  let last: RegExpExecArray | null = null;
  let lastStrong: RegExpExecArray | null = null;
  for (const m of text.matchAll(DESIGNATOR)) {
    last = m as RegExpExecArray;
    if (m[2] !== "号") lastStrong = m as RegExpExecArray;
  }
  last = lastStrong ?? last;
  if (!last) {
    text = text.replace(ROOM_TAIL, "");
    return { street, place: placeOf(text), number: null };
  }
  return { street, place: placeOf(text.slice(0, last.index)), number: last[1].toUpperCase() };
}

function placeOf(text: string): string {
  const trimmed = text.replace(/-+$/, "");
  const stripped = trimmed.replace(GENERIC_TAIL, "");
  // "小区" alone is not a place name; keep what there is.
  return stripped.length >= 2 ? stripped : trimmed;
}

/** Short forms people say: 通州区 → 通州, 永顺镇 → 永顺 is NOT used (永顺东里 would lose its name). */
export function areaPrefixes(districtName: string): string[] {
  const names = ["中华人民共和国", "中国", "北京市", "北京", districtName];
  if (/[区县市]$/.test(districtName) && districtName.length > 2) names.push(districtName.slice(0, -1));
  return names.sort((a, b) => b.length - a.length);
}

/**
 * Similarity of two place names, 0…1, the best of three views: the Dice coefficient of character bigrams
 * (word order and extra words), one minus the edit distance over the longer length (a typo: 永顺东理 for
 * 永顺东里), and 0.9 when one name contains the other and the shorter has at least 3 characters (西马庄家园 ⊃
 * 西马庄). Chinese place names are short, so one wrong character in four already drops to 0.75.
 */
export function placeSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const ca = [...a];
  const cb = [...b];
  const shorter = ca.length <= cb.length ? a : b;
  const longer = shorter === a ? b : a;
  const edit = 1 - editDistance(ca, cb) / Math.max(ca.length, cb.length);
  const best = Math.max(diceBigrams(a, b), edit);
  if ([...shorter].length >= 3 && longer.includes(shorter)) return Math.max(best, 0.9);
  return best;
}

/** Levenshtein distance over characters (code points). */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) out.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function diceBigrams(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}
