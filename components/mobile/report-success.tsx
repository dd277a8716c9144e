import Link from "next/link";
import type { CaseSummaryDto } from "@/lib/case/case-dto";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";

/** After the server stored the report: its number, where to see it, and what next. */
export function ReportSuccess({
  result,
  onAnother,
}: {
  result: { caseId: number; number: string; replayed: boolean; duplicates: CaseSummaryDto[] };
  onAnother: () => void;
}) {
  return (
    <section
      className="space-y-5 rounded-2xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200"
      data-testid="report-success"
      role="status"
    >
      <div
        className="mx-auto grid h-16 w-16 place-items-center rounded-full bg-emerald-100 text-3xl text-emerald-700"
        aria-hidden="true"
      >
        ✓
      </div>
      <h2 className="text-xl font-semibold text-slate-900">{caseIntake.success.title}</h2>
      {result.replayed && <p className="text-sm text-slate-600">{caseIntake.success.replayed}</p>}
      <div>
        <p className="text-sm text-slate-500">{caseIntake.success.number}</p>
        <p
          className="mt-1 select-all font-mono text-2xl font-semibold tracking-wide text-slate-900"
          data-testid="report-success-number"
        >
          {result.number}
        </p>
      </div>
      {result.duplicates.length > 0 && (
        <div
          className="rounded-xl bg-amber-50 p-3 text-left text-sm ring-1 ring-amber-200"
          data-testid="report-success-duplicates"
        >
          <p className="font-medium text-amber-900">{caseIntake.duplicates.title}</p>
          <ul className="mt-1 space-y-1">
            {result.duplicates.map((c) => (
              <li key={c.id}>
                <Link href={`/m/cases/${c.id}`} className="font-mono text-amber-900 underline">
                  {c.number}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid gap-2">
        <Link href={`/m/cases/${result.caseId}`} className={primary} data-testid="report-success-view">
          {caseIntake.success.view}
        </Link>
        <button type="button" onClick={onAnother} className={secondary} data-testid="report-another">
          {caseIntake.success.another}
        </button>
        <Link href="/m/tasks" className={secondary}>
          {caseIntake.success.tasks}
        </Link>
      </div>
    </section>
  );
}

const primary =
  "flex min-h-12 items-center justify-center rounded-xl bg-sky-600 text-base font-medium text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2";
const secondary =
  "flex min-h-12 items-center justify-center rounded-xl bg-white text-base font-medium text-slate-800 ring-1 ring-slate-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500";
