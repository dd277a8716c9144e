import Link from "next/link";
import { CASE_SOURCES } from "@/lib/case/case-dto";
import { CASE_LEVELS, CASE_STATES } from "@/lib/case/case-states";
import type { FilterKey } from "@/lib/case/list-cases-filter";
import type { AreaChoice, CategoryOption } from "@/lib/case/list-cases-options";
import { CASE_URGENCIES } from "@/lib/case/time-limits";
import { LIGHTS } from "@/lib/case/traffic-light";
import { cases } from "@/lib/i18n/zh-CN/case";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { AreaSelect } from "./area-select";
import { CategorySelect } from "./category-select";
import { DropEmptyFields } from "./drop-empty-fields";
import { SlashFocus } from "./slash-focus";
import { Button } from "@/components/ui/button";
import { CompactField, compactControlClass } from "@/components/ui/field";

const text = caseDesk.list.filters;

/**
 * The filter form of the case list: a plain GET form, so the filters live in the URL (bookmarkable, the
 * back button works) and the page needs no script to filter. Applying starts again at the first page.
 */
export function CaseFilters({
  values,
  categories,
  area,
}: {
  values: Partial<Record<FilterKey, string>>;
  categories: CategoryOption[];
  area: AreaChoice;
}) {
  return (
    <form
      method="get"
      action="/cases"
      role="search"
      className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="case-filters"
    >
      <SlashFocus targetId="case-q" />
      <DropEmptyFields />
      <CompactField label={text.q} htmlFor="case-q">
        <input
          id="case-q"
          name="q"
          type="search"
          defaultValue={values.q}
          maxLength={50}
          placeholder={text.qPlaceholder}
          title={text.qHint}
          className={`${compactControlClass} w-60`}
          data-testid="filter-q"
        />
      </CompactField>
      <CompactField label={text.from} htmlFor="case-from">
        <input
          id="case-from"
          type="date"
          name="from"
          defaultValue={values.from}
          className={compactControlClass}
          data-testid="filter-from"
        />
      </CompactField>
      <CompactField label={text.to} htmlFor="case-to">
        <input
          id="case-to"
          type="date"
          name="to"
          defaultValue={values.to}
          className={compactControlClass}
          data-testid="filter-to"
        />
      </CompactField>
      <CompactField label={text.area} htmlFor="case-area">
        <AreaSelect id="case-area" area={area} className={`${compactControlClass} max-w-56`} />
      </CompactField>
      <CompactField label={text.category} htmlFor="case-category">
        <CategorySelect
          id="case-category"
          value={values.category}
          anyLabel={text.any}
          categories={categories}
          title={text.categoryHint}
          className={`${compactControlClass} max-w-52`}
          testId="filter-category"
        />
      </CompactField>
      <CompactField label={text.state} htmlFor="case-state">
        <select
          id="case-state"
          name="state"
          defaultValue={values.state ?? ""}
          className={compactControlClass}
          data-testid="filter-state"
        >
          <option value="">{text.any}</option>
          <option value="open">{text.openStates}</option>
          {CASE_STATES.map((s) => (
            <option key={s} value={s}>
              {caseLoop.stateLabels[s]}
            </option>
          ))}
        </select>
      </CompactField>
      <Choice name="light" label={text.light} value={values.light} options={LIGHTS.map((l) => [l, cases.lightShort[l]])} />
      <Choice
        name="source"
        label={text.source}
        value={values.source}
        options={CASE_SOURCES.map((s) => [s, caseDesk.sources[s]])}
      />
      <Choice
        name="level"
        label={text.level}
        value={values.level}
        options={CASE_LEVELS.map((l) => [l, caseLoop.levelLabels[l]])}
      />
      <Choice
        name="urgency"
        label={text.urgency}
        value={values.urgency}
        options={CASE_URGENCIES.map((u) => [u, cases.urgencies[u]])}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" kind="filter" testId="filter-apply">
          {text.apply}
        </Button>
        <Link
          href="/cases"
          className="rounded text-sm text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
          data-testid="filter-reset"
        >
          {text.reset}
        </Link>
      </div>
    </form>
  );
}

function Choice({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: (readonly [string, string])[];
}) {
  const id = `case-${name}`;
  return (
    <CompactField label={label} htmlFor={id}>
      <select id={id} name={name} defaultValue={value ?? ""} className={compactControlClass} data-testid={`filter-${name}`}>
        <option value="">{text.any}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </CompactField>
  );
}
