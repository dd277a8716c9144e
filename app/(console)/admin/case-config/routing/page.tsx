import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { listConfigCategories } from "@/lib/case-config/list-config-categories";
import { listRoutingRules } from "@/lib/case-config/list-routing-rules";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { DeleteButton } from "../_components/delete-button";
import { RoutingRuleButton } from "../_components/routing-rule-form";
import { cellClass, headCellClass, TableFrame } from "@/components/ui/table";
import { ConfigSection } from "../_components/section";
import { compactControlClass } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format/time";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: `${caseDesk.config.nav.routing} · ${caseDesk.config.pageTitle}` };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = caseDesk.config;
const r = text.routing;

/** 派遣规则: category × region → lead and co-units, filtered by category; add, edit and delete. */
export default async function RoutingPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("case.configure");
  const sp = await searchParams;
  const raw = typeof sp.category === "string" ? sp.category : "";
  const categoryId = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : undefined;
  const [categories, { rules, units, regions }] = await Promise.all([
    listConfigCategories({ ctx }),
    listRoutingRules({ ctx, input: { categoryId } }),
  ]);
  const choices = { categories, regions, units };
  const c = r.columns;
  return (
    <ConfigSection title={r.title} intro={r.intro} action={<RoutingRuleButton choices={choices} />} testId="config-routing">
      <form method="get" className="mb-3 flex items-end gap-3" role="search">
        <label className="flex flex-col gap-1 text-xs text-slate-500">
          {r.filterCategory}
          <select name="category" defaultValue={categoryId ?? ""} className={compactControlClass} data-testid="routing-filter">
            <option value="">{text.any}</option>
            {categories.map((cat) => (
              <option key={cat.id} value={cat.id}>
                {"\u3000".repeat(cat.depth)}
                {cat.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="h-8 rounded-md bg-sky-600 px-4 text-sm font-medium text-white hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          {caseDesk.list.filters.apply}
        </button>
        {categoryId !== undefined && (
          <Link href="/admin/case-config/routing" className="text-sm text-sky-700 hover:underline">
            {caseDesk.list.filters.reset}
          </Link>
        )}
      </form>
      {rules.length === 0 ? (
        <EmptyState testId="routing-empty" spacing="px-4 py-8 text-center">
          {r.empty}
        </EmptyState>
      ) : (
        <TableFrame>
          <table className="w-full border-collapse text-sm" data-testid="routing-table">
            <thead>
              <tr>
                {[c.category, c.region, c.lead, c.co, c.auto, c.updated, c.actions].map((h) => (
                  <th key={h} scope="col" className={headCellClass}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id} className="hover:bg-slate-50" data-testid="routing-row">
                  <th scope="row" className={`${cellClass} text-left font-medium text-slate-800`}>
                    {rule.categoryName}
                  </th>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    {rule.regionName} <span className="text-xs text-slate-400">{rule.regionLevelName}</span>
                  </td>
                  <td className={cellClass}>{rule.leadUnitName}</td>
                  <td className={`${cellClass} text-slate-600`}>
                    {rule.coUnitNames.length ? rule.coUnitNames.join("、") : <span className="text-slate-400">{r.none}</span>}
                  </td>
                  <td className={`${cellClass} whitespace-nowrap`}>{rule.autoDispatch ? text.yes : text.no}</td>
                  <td className={`${cellClass} whitespace-nowrap text-xs text-slate-500 tabular-nums`}>
                    {formatDateTime(rule.updatedAt)}
                    <div className="text-[11px] text-slate-400">{text.version(rule.version)}</div>
                  </td>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    <div className="flex items-start gap-2">
                      <RoutingRuleButton choices={choices} rule={rule} />
                      <DeleteButton
                        url={`/api/case-config/routing-rules/${rule.id}`}
                        expectedVersion={rule.version}
                        what={`${rule.categoryName} · ${rule.regionName}`}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </ConfigSection>
  );
}
