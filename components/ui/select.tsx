import type { SelectHTMLAttributes } from "react";

export type SelectOption = { value: string; label: string };

/**
 * A `<select>` from a list of options, with an optional first "any" choice (value "") that a filter
 * starts on.
 */
export function Select({
  options,
  anyLabel,
  testId,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { options: readonly SelectOption[]; anyLabel?: string; testId?: string }) {
  return (
    <select data-testid={testId} {...props}>
      {anyLabel !== undefined && <option value="">{anyLabel}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
