import type { ReactNode } from "react";

/**
 * The body of a console page under the top bar: the grey, scrolling area every page but the map has,
 * named by a test id.
 */
export function PageBody({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <main className="flex-1 overflow-auto bg-slate-50 p-6" data-testid={testId}>
      {children}
    </main>
  );
}

/**
 * A page's title and the sentence under it; `aside` goes to the right of both (a link to a sibling page).
 * `introClass` is the intro's width and spacing where a page differs from "mt-1" (e.g. "mt-1 max-w-4xl").
 */
export function PageHeader({
  title,
  intro,
  introClass = "mt-1",
  aside,
}: {
  title: ReactNode;
  intro?: ReactNode;
  introClass?: string;
  aside?: ReactNode;
}) {
  const heading = (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      {intro && <p className={`${introClass} text-sm text-slate-600`}>{intro}</p>}
    </>
  );
  if (!aside) return heading;
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-3">
      <div>{heading}</div>
      {aside}
    </div>
  );
}
