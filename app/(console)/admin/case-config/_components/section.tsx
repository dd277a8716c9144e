import type { ReactNode } from "react";

/** A configuration page's frame: its title, what it governs, an optional action, then the content. */
export function ConfigSection({
  title,
  intro,
  action,
  children,
  testId,
}: {
  title: string;
  intro: string;
  action?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section data-testid={testId}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{intro}</p>
        </div>
        {action}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}

export const tableFrame = "overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200";
export const th =
  "sticky top-0 border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-slate-500";
export const td = "border-b border-slate-100 px-3 py-2 align-top";
