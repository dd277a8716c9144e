import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { listConfigCategories } from "@/lib/case-config/list-config-categories";
import { cases } from "@/lib/i18n/zh-CN/case";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { CategoryEdit } from "../_components/category-edit";
import { cellClass, headCellClass, TableFrame } from "@/components/ui/table";
import { ConfigSection } from "../_components/section";

export const metadata: Metadata = { title: `${caseDesk.config.nav.categories} · ${caseDesk.config.pageTitle}` };
export const dynamic = "force-dynamic";

const text = caseDesk.config;

/** 事件类别: the tree with each category's defaults; names, defaults and the active flag are editable. */
export default async function CategoriesPage() {
  const ctx = await requirePagePermission("case.configure");
  const categories = await listConfigCategories({ ctx });
  const c = text.categories.columns;
  return (
    <ConfigSection title={text.categories.title} intro={text.categories.intro} testId="config-categories">
      <TableFrame>
        <table className="w-full border-collapse text-sm" data-testid="categories-table">
          <thead>
            <tr>
              {[c.name, c.code, c.group, c.kind, c.level, c.urgency, c.risk, c.active, c.actions].map((h) => (
                <th key={h} scope="col" className={headCellClass}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((cat) => (
              <tr key={cat.id} className={cat.depth === 0 ? "bg-slate-50/70" : "hover:bg-slate-50"} data-testid="category-row">
                <th
                  scope="row"
                  className={`${cellClass} text-left ${cat.depth === 0 ? "font-semibold text-slate-900" : "font-normal text-slate-800"}`}
                  style={{ paddingLeft: `${0.75 + cat.depth * 1.5}rem` }}
                >
                  {cat.name}
                </th>
                <td className={`${cellClass} font-mono text-xs text-slate-500`}>{cat.code}</td>
                <td className={`${cellClass} whitespace-nowrap text-slate-600`}>{text.groups[cat.group] ?? cat.group}</td>
                <td className={`${cellClass} whitespace-nowrap text-slate-600`}>
                  {caseDesk.kinds[cat.kind as keyof typeof caseDesk.kinds] ?? cat.kind}
                </td>
                <td className={`${cellClass} whitespace-nowrap`}>{caseLoop.levelLabels[cat.defaultLevel]}</td>
                <td className={`${cellClass} whitespace-nowrap`}>{cases.urgencies[cat.defaultUrgency]}</td>
                <td className={`${cellClass} whitespace-nowrap text-slate-600`}>{cat.riskAssessed ? text.yes : text.no}</td>
                <td className={`${cellClass} whitespace-nowrap`}>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs ring-1 ${cat.active ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-slate-100 text-slate-500 ring-slate-200"}`}
                  >
                    {cat.active ? text.active : text.inactive}
                  </span>
                </td>
                <td className={cellClass}>
                  <CategoryEdit category={cat} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </ConfigSection>
  );
}
