import Link from "next/link";
import { Button } from "@/components/ui/button";
import { CompactField, compactControlClass } from "@/components/ui/field";
import { textLinkClass } from "@/components/ui/text-link";
import type { CategoryOption } from "@/lib/case/list-cases-options";
import type { InboxTab } from "@/lib/case/list-inbox";
import { LIGHTS } from "@/lib/case/traffic-light";
import { caseInbox } from "@/lib/i18n/zh-CN/case-inbox";
import { CategorySelect } from "@/components/case-list/category-select";
import { cases } from "@/lib/i18n/zh-CN/case";

const text = caseInbox.filters;

/** The inbox's filters: a plain GET form (the filters live in the URL), keeping the tab, back to the first page. */
export function InboxFilters({
  tab,
  values,
  categories,
}: {
  tab: InboxTab;
  values: { category?: string; light?: string };
  categories: CategoryOption[];
}) {
  const filtered = Boolean(values.category || values.light);
  return (
    <form
      method="get"
      action="/inbox"
      role="search"
      aria-label={text.label}
      className="flex flex-wrap items-end gap-3"
      data-testid="inbox-filters"
    >
      <input type="hidden" name="tab" value={tab} />
      <CompactField label={text.category} htmlFor="inbox-category">
        <CategorySelect
          id="inbox-category"
          value={values.category}
          anyLabel={text.allCategories}
          categories={categories}
          className={`${compactControlClass} max-w-56`}
          testId="inbox-filter-category"
        />
      </CompactField>
      <CompactField label={text.light} htmlFor="inbox-light">
        <select
          id="inbox-light"
          name="light"
          defaultValue={values.light ?? ""}
          className={compactControlClass}
          data-testid="inbox-filter-light"
        >
          <option value="">{text.allLights}</option>
          {LIGHTS.map((l) => (
            <option key={l} value={l}>
              {cases.lights[l]}
            </option>
          ))}
        </select>
      </CompactField>
      <Button type="submit" kind="filter" testId="inbox-filter-apply">
        {text.apply}
      </Button>
      {filtered && (
        <Link href={`/inbox?tab=${tab}`} className={`${textLinkClass} text-sm`} data-testid="inbox-filter-clear">
          {text.clear}
        </Link>
      )}
    </form>
  );
}
