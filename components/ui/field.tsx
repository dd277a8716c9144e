import type { ReactNode } from "react";

/** A text input, select or textarea of a form (full width of its field). */
export const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30 disabled:bg-slate-100";
/** A control of a compact filter bar (h-8: the case list, the rates, the audit log). */
export const compactControlClass =
  "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus:border-sky-500 focus:ring-2 focus:ring-sky-200 focus:outline-none";
/** A control of a filter bar over a list (a width or "mt-1 block" is added where it stands). */
export const filterControlClass =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30";

/**
 * A labelled control: the label above, the control, then a hint or the field's error (the error wins).
 * The control carries the `id` that `htmlFor` names.
 */
export function Field({
  label,
  htmlFor,
  hint,
  error,
  children,
}: {
  label: string;
  htmlFor: string;
  hint?: string;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={htmlFor} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {error ? (
        <p className="mt-1 text-xs text-red-700" role="alert">
          {error}
        </p>
      ) : (
        hint && <p className="mt-1 text-[11px] text-slate-400">{hint}</p>
      )}
    </div>
  );
}

/** A labelled control of a compact filter bar (the case list, the rates): small grey label, 4 px above. */
export function CompactField({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs text-slate-500">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * A filter of a list: the label wraps its control (no ids needed in a GET form). `layout` is the label's
 * classes as the page had them: "block text-xs font-medium text-slate-600" (controls stacked with mt-1)
 * or "flex flex-col gap-1 text-xs text-slate-500".
 */
export function FilterField({
  label,
  layout = "block text-xs font-medium text-slate-600",
  children,
}: {
  label: string;
  layout?: string;
  children: ReactNode;
}) {
  return (
    <label className={layout}>
      {label}
      {children}
    </label>
  );
}
