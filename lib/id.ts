import { z } from "zod";
import { errorMessages } from "./i18n/zh-CN/errors";

/** The largest value of a PostgreSQL integer (int4) column: serial ids, versions, category and region ids. */
export const INT4_MAX = 2_147_483_647;

/** bigint ids (cases, buildings, rooms, residents, log rows) stay far below 2^53, where JavaScript numbers are exact. */
export const BIGINT_ID_MAX = Number.MAX_SAFE_INTEGER;

export type IdRange = "int4" | "bigint";

const RANGE_MAX: Record<IdRange, number> = { int4: INT4_MAX, bigint: BIGINT_ID_MAX };

/** Digits only, no sign, no leading zero, no spaces, no exponent or hex ("1e3", "0x10", " 12", "12abc", "-1", "012"). */
const PLAIN_DECIMAL = /^[1-9][0-9]{0,15}$/;

/**
 * The one id parser of the product: a row id from a URL segment, a query string or a JSON body is a plain
 * positive decimal within its column's range, or nothing. `Number("1e3")`, `Number("0x10")` and
 * `Number(" 12")` all give numbers, and a value beyond int4 reaches PostgreSQL as an out-of-range error
 * (a 500): both are refused here instead.
 */
export function parseId(value: unknown, range: IdRange = "int4"): number | null {
  const max = RANGE_MAX[range];
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 && value <= max ? value : null;
  if (typeof value !== "string" || !PLAIN_DECIMAL.test(value)) return null;
  const id = Number(value);
  return id <= max ? id : null;
}

/**
 * `parseId` as a zod schema (a number, or a string of digits from a URL or form), failing with `message`
 * (default: the generic "编号格式不正确"). Every schema that takes a row id or a version uses this.
 */
export function idSchema(message: string = errorMessages.invalidId, range: IdRange = "int4") {
  return z.union([z.number(), z.string()], { error: message }).transform((value, ctx) => {
    const id = parseId(value, range);
    if (id === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return id;
  });
}
