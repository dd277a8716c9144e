/** The colour of a day's status in lists and the team grid (Tailwind classes); the label comes from i18n. */
export const DAY_STATUS_CLASS: Record<string, string> = {
  normal: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  late: "bg-amber-100 text-amber-900 ring-amber-300",
  early_leave: "bg-amber-100 text-amber-900 ring-amber-300",
  late_and_early: "bg-orange-200 text-orange-900 ring-orange-300",
  absent: "bg-rose-200 text-rose-900 ring-rose-300",
  missing_punch: "bg-fuchsia-100 text-fuchsia-900 ring-fuchsia-300",
  outside: "bg-violet-100 text-violet-900 ring-violet-300",
  leave: "bg-sky-100 text-sky-900 ring-sky-300",
  rest: "bg-slate-100 text-slate-500 ring-slate-200",
  holiday: "bg-slate-200 text-slate-600 ring-slate-300",
};
