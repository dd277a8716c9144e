import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { CASE_STAGES, CASE_URGENCIES } from "@/lib/case/time-limits";
import type { TimeLimitDto } from "@/lib/case-config/dto";
import { listConfigCategories } from "@/lib/case-config/list-config-categories";
import { listTimeLimits } from "@/lib/case-config/list-time-limits";
import { cases } from "@/lib/i18n/zh-CN/case";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { DeleteButton } from "../_components/delete-button";
import { cellClass, headCellClass, TableFrame, tableFrameClass } from "@/components/ui/table";
import { ConfigSection } from "../_components/section";
import { TimeLimitButton } from "../_components/time-limit-form";

export const metadata: Metadata = { title: `${caseDesk.config.nav.limits} · ${caseDesk.config.pageTitle}` };
export const dynamic = "force-dynamic";

const text = caseDesk.config;
const l = text.limits;

const limitText = (r: TimeLimitDto) => `${r.amount} ${cases.limitUnits[r.unit]}`;

/** 办理时限: the defaults as an urgency × stage matrix, then the specific rows (category and/or level). */
export default async function LimitsPage() {
  const ctx = await requirePagePermission("case.configure");
  const [limits, categories] = await Promise.all([listTimeLimits({ ctx }), listConfigCategories({ ctx })]);
  const defaults = limits.filter((r) => r.isDefault);
  const specific = limits.filter((r) => !r.isDefault);
  const c = l.columns;
  return (
    <ConfigSection title={l.title} intro={l.intro} action={<TimeLimitButton categories={categories} />} testId="config-limits">
      <TableFrame>
        <h3 className="px-4 pt-3 pb-2 text-sm font-semibold text-slate-800">{l.defaultRow}</h3>
        <table className="w-full border-collapse text-sm" data-testid="limits-defaults">
          <thead>
            <tr>
              <th scope="col" className={headCellClass}>
                {c.urgency}
              </th>
              {CASE_STAGES.map((s) => (
                <th key={s} scope="col" className={headCellClass}>
                  {cases.stages[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CASE_URGENCIES.map((u) => (
              <tr key={u}>
                <th scope="row" className={`${cellClass} text-left font-medium`}>
                  {cases.urgencies[u]}
                </th>
                {CASE_STAGES.map((s) => {
                  const row = defaults.find((r) => r.urgency === u && r.stage === s);
                  return (
                    <td key={s} className={cellClass} data-testid="limit-default-cell">
                      {row ? (
                        <div className="flex items-center justify-between gap-2">
                          <span className="tabular-nums">{limitText(row)}</span>
                          <TimeLimitButton
                            categories={categories}
                            limit={row}
                            label={`${text.actions.edit} ${cases.urgencies[u]} · ${cases.stages[s]}`}
                          />
                        </div>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>

      <div className={`${tableFrameClass} mt-4`}>
        <h3 className="px-4 pt-3 pb-2 text-sm font-semibold text-slate-800">{l.specific}</h3>
        {specific.length === 0 ? (
          <p className="px-4 pb-4 text-sm text-slate-500" data-testid="limits-empty">
            {l.noSpecific}
          </p>
        ) : (
          <table className="w-full border-collapse text-sm" data-testid="limits-specific">
            <thead>
              <tr>
                {[c.category, c.level, c.urgency, c.stage, c.limit, c.actions].map((h) => (
                  <th key={h} scope="col" className={headCellClass}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {specific.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50" data-testid="limit-row">
                  <th scope="row" className={`${cellClass} text-left font-normal`}>
                    {r.categoryName ?? text.anyCategory}
                  </th>
                  <td className={cellClass}>{r.level ? caseLoop.levelLabels[r.level] : text.anyLevel}</td>
                  <td className={cellClass}>{cases.urgencies[r.urgency]}</td>
                  <td className={cellClass}>{cases.stages[r.stage]}</td>
                  <td className={`${cellClass} tabular-nums`}>{limitText(r)}</td>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    <div className="flex items-start gap-2">
                      <TimeLimitButton categories={categories} limit={r} />
                      <DeleteButton
                        url={`/api/case-config/time-limits/${r.id}`}
                        expectedVersion={r.version}
                        what={`${r.categoryName ?? text.anyCategory} · ${cases.urgencies[r.urgency]} · ${cases.stages[r.stage]}`}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </ConfigSection>
  );
}
