import type { Metadata } from "next";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { requirePagePermission } from "@/app/_lib/page-context";
import { rethrowForPage } from "@/app/_lib/page-errors";
import { t } from "@/lib/i18n";
import { checkTopology, TOPOLOGY_PROBLEM_KINDS } from "@/lib/topology/check-topology";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format/time";

export const metadata: Metadata = { title: t.topology.pageTitle };
export const dynamic = "force-dynamic";

const cell = "border-b border-slate-200 px-3 py-2 text-left";

/** The topology check of the caller's area: counts per level and kind, then the problems one by one. */
export default async function TopologyPage() {
  const ctx = await requirePagePermission("topology.read");
  const report = await checkTopology({ ctx, input: {} }).catch(rethrowForPage);
  const text = t.topology;
  return (
    <ConsoleFrame>
      <PageBody testId="topology-page">
        <PageHeader
          title={text.pageTitle}
          intro={
            <>
              {text.intro} {text.tolerance(report.toleranceM2)}
            </>
          }
        />
        <table
          className="mt-4 w-full max-w-4xl border-collapse rounded-lg bg-white text-sm shadow-sm"
          data-testid="topology-levels"
        >
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th className={cell}>{text.columns.level}</th>
              <th className={cell}>{text.columns.regions}</th>
              {TOPOLOGY_PROBLEM_KINDS.map((kind) => (
                <th key={kind} className={cell}>
                  {text.kinds[kind]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.levels.map((level) => (
              <tr key={level.level}>
                <td className={cell}>{text.levels[level.level]}</td>
                <td className={`${cell} tabular-nums`}>{level.regions}</td>
                {TOPOLOGY_PROBLEM_KINDS.map((kind) => (
                  <td
                    key={kind}
                    className={`${cell} tabular-nums ${level.problems[kind] ? "font-semibold text-red-600" : "text-emerald-700"}`}
                  >
                    {level.problems[kind]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p
          className={`mt-4 text-sm font-medium ${report.totalProblems ? "text-red-700" : "text-emerald-700"}`}
          data-testid="topology-summary"
        >
          {report.totalProblems === 0 ? text.allGood : text.problemCount(report.totalProblems)}
          {report.totalProblems > report.problems.length ? text.listedFirst(report.problems.length) : null}
        </p>
        {report.problems.length > 0 && (
          <table className="mt-3 w-full max-w-5xl border-collapse bg-white text-sm shadow-sm">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                {[
                  text.columns.level,
                  text.columns.kind,
                  text.columns.region,
                  text.columns.other,
                  text.columns.area,
                  text.columns.detail,
                ].map((h) => (
                  <th key={h} className={cell}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p) => (
                <tr key={`${p.kind}-${p.regionCode}-${p.otherCode ?? ""}`}>
                  <td className={cell}>{text.levels[p.level]}</td>
                  <td className={cell}>{text.kinds[p.kind]}</td>
                  <td className={cell}>
                    {p.regionName} <span className="font-mono text-xs text-slate-500">{p.regionCode}</span>
                  </td>
                  <td className={`${cell} font-mono text-xs`}>{p.otherCode ?? "—"}</td>
                  <td className={`${cell} tabular-nums`}>{p.areaM2 === null ? "—" : p.areaM2.toFixed(1)}</td>
                  <td className={cell}>{p.detail ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="mt-3 text-xs text-slate-500">
          {text.checkedAt} {formatDateTime(report.checkedAt, { seconds: true })}
        </p>
      </PageBody>
    </ConsoleFrame>
  );
}
