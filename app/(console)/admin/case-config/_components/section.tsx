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
