import type { ReactNode } from "react";

/**
 * "Nothing here": a white card in place of an empty list. `spacing` is the card's margin and padding
 * as the page had it (the lists under a form leave "mt-6 p-6", the audit tabs "px-4 py-8 text-center").
 */
export function EmptyState({
  testId,
  spacing = "mt-6 p-6",
  children,
}: {
  testId: string;
  spacing?: string;
  children: ReactNode;
}) {
  return (
    <p className={`rounded-xl bg-white ${spacing} text-sm text-slate-500 shadow-sm ring-1 ring-slate-200`} data-testid={testId}>
      {children}
    </p>
  );
}
