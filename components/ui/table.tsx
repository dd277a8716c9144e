import type { ReactNode } from "react";

/**
 * The console's tables. Two looks, each the exact classes its pages used before:
 * - framed (the default): a white card around a full-width table, light grey sticky header, thin rows
 *   (the audit log, the case configuration, the case list);
 * - plain: the table itself is the card, with a darker header (the account and API key lists).
 */

/** The white card around a framed table (scrolls sideways when the table is wider). */
export const tableFrameClass = "overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200";
export const tableClass = "w-full border-collapse text-sm";
/** A framed table's header cell: small, grey, sticky while the card scrolls. */
export const headCellClass =
  "sticky top-0 border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-slate-500";
/** A framed table's body cell. */
export const cellClass = "border-b border-slate-100 px-3 py-2 text-left align-top";

/** A plain table (the card is the table): header row and cells. */
export const plainTableClass = "w-full border-collapse rounded-lg bg-white text-sm shadow-sm";
export const plainHeadClass = "bg-slate-100 text-slate-600";
export const plainCellClass = "border-b border-slate-200 px-3 py-2 text-left align-top";

/** The card around a framed table. */
export function TableFrame({ children }: { children: ReactNode }) {
  return <div className={tableFrameClass}>{children}</div>;
}

/** A table whose header row is `columns`; `plain` picks the second look, `className` adds spacing (e.g. "mt-4"). */
export function Table({
  columns,
  plain = false,
  headCell,
  className,
  testId,
  children,
}: {
  columns: readonly string[];
  plain?: boolean;
  /** The header cell's classes where a table differs from its look's default. */
  headCell?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const base = plain ? plainTableClass : tableClass;
  const th = headCell ?? (plain ? plainCellClass : headCellClass);
  return (
    <table className={className ? `${className} ${base}` : base} data-testid={testId}>
      <thead className={plain ? plainHeadClass : undefined}>
        <tr>
          {columns.map((h) => (
            <th key={h} scope="col" className={th}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
