import type { PreparedRow } from "./import-chunk";
import { findDuplicatesInFile, parseOrderRow, type RawOrderRow } from "./parse-order-row";

/**
 * Checks every row of a file on its own (parse-order-row.ts) and then against the others: an order number
 * seen earlier in the file marks the later rows as duplicates (the first one is imported). Pure.
 */
export function prepareRows(rows: readonly RawOrderRow[], now: Date = new Date()): PreparedRow[] {
  const parsed = rows.map((row) => ({ row, result: parseOrderRow(row, now) }));
  const duplicates = findDuplicatesInFile(
    parsed.flatMap((p, index) => (p.result.ok ? [{ index, rowNumber: p.row.rowNumber, orderNo: p.result.fields.orderNo }] : [])),
  );
  return parsed.map(({ row, result }, index): PreparedRow => {
    if (!result.ok) return { rowNumber: row.rowNumber, orderNo: result.orderNo, ok: false, rejection: result.rejection };
    const duplicate = duplicates.get(index);
    if (duplicate) return { rowNumber: row.rowNumber, orderNo: result.fields.orderNo, ok: false, rejection: duplicate };
    return { rowNumber: row.rowNumber, orderNo: result.fields.orderNo, ok: true, fields: result.fields };
  });
}
