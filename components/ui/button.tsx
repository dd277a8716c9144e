import type { ButtonHTMLAttributes } from "react";

/**
 * The console's buttons, one class list per kind, so a page names the kind instead of re-writing the
 * Tailwind string. Each kind is the exact list the pages used before (the screenshots stay the same);
 * `extra` adds what only some buttons have (a shadow, a busy or disabled look, a fixed width).
 */
const KINDS = {
  /** The main action of a form or panel: sky, semibold. */
  primary:
    "rounded-lg bg-sky-600 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2",
  /** The save button of a form that waits on the server: the primary look with a shadow, a waiting cursor while busy. */
  save: "rounded-lg bg-sky-600 px-4 py-2 text-sm font-semibold text-white shadow hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2 disabled:cursor-wait disabled:opacity-60",
  /** The apply button of a filter bar (as tall as its h-8 controls). */
  filter:
    "h-8 rounded-md bg-sky-600 px-4 text-sm font-medium text-white hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2",
  /** A confirming or searching action in slate (sign-in, filter submit of the account list). */
  dark: "rounded-lg bg-slate-800 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400 focus-visible:ring-offset-2",
  /** A second choice beside a primary one, outlined. */
  secondary:
    "rounded-lg px-4 py-2 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500",
  /** Cancel in a dialog: text only, a grey hover. */
  quiet:
    "rounded-lg px-4 py-2 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400",
  /** A small outlined action in a table row or a list. */
  small:
    "rounded-md px-2.5 py-1 text-xs font-medium ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:cursor-wait disabled:opacity-60",
} as const;

export type ButtonKind = keyof typeof KINDS;

/** Classes of `extra` that replace the kind's class of the same group (two paddings would fight in the CSS). */
const REPLACEABLE = [/^py-/, /^px-/, /^shadow/];

/** The class list of a button (or a link that looks like one) of this kind, plus `extra`. */
export function buttonClass(kind: ButtonKind, extra?: string): string {
  if (!extra) return KINDS[kind];
  const added = extra.split(/\s+/).filter(Boolean);
  const kept = KINDS[kind].split(" ").filter((c) => !REPLACEABLE.some((g) => g.test(c) && added.some((a) => g.test(a))));
  return [...kept, ...added].join(" ");
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { kind?: ButtonKind; extra?: string; testId?: string };

/** A `<button>` of a kind (type="button" unless told otherwise, so it never submits by accident). */
export function Button({ kind = "primary", extra, testId, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClass(kind, extra)} data-testid={testId} {...props} />;
}
