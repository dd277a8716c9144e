import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { listEscalationRules } from "@/lib/case-config/list-escalation-rules";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { EscalationEdit } from "../_components/escalation-edit";
import { cellClass, headCellClass, TableFrame } from "@/components/ui/table";
import { ConfigSection } from "../_components/section";
import { formatDateTime } from "@/lib/format/time";

export const metadata: Metadata = { title: `${caseDesk.config.nav.escalation} · ${caseDesk.config.pageTitle}` };
export const dynamic = "force-dynamic";

const text = caseDesk.config;
const esc = text.escalation;

/** 升级规则: the ladder grid → community → street → district, each level's reaction to a red light. */
export default async function EscalationPage() {
  const ctx = await requirePagePermission("case.configure");
  const rules = await listEscalationRules({ ctx });
  const c = esc.columns;
  return (
    <ConfigSection title={esc.title} intro={esc.intro} testId="config-escalation">
      <TableFrame>
        <table className="w-full border-collapse text-sm" data-testid="escalation-table">
          <thead>
            <tr>
              {[c.level, c.motto, c.auto, c.notify, c.updated, c.actions].map((h) => (
                <th key={h} scope="col" className={headCellClass}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.level} className="hover:bg-slate-50" data-testid="escalation-row">
                <th scope="row" className={`${cellClass} text-left font-medium`}>
                  {caseLoop.levelLabels[r.level]}
                </th>
                <td className={`${cellClass} text-slate-600`}>{r.motto}</td>
                <td className={cellClass}>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs ring-1 ${r.autoOnRed ? "bg-amber-50 text-amber-900 ring-amber-200" : "bg-slate-100 text-slate-500 ring-slate-200"}`}
                  >
                    {r.autoOnRed ? text.yes : text.no}
                  </span>
                </td>
                <td className={cellClass}>{caseLoop.levelLabels[r.notifyLevel]}</td>
                <td className={`${cellClass} whitespace-nowrap text-xs text-slate-500 tabular-nums`}>
                  {formatDateTime(r.updatedAt)}
                  <div className="text-[11px] text-slate-400">{text.version(r.version)}</div>
                </td>
                <td className={cellClass}>
                  <EscalationEdit rule={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </ConfigSection>
  );
}
