import type { CategoryOption } from "@/lib/case/list-cases-options";

/** The category tree as one indented <select> (a filter picks a category with its subcategories). */
export function CategorySelect({
  id,
  value,
  anyLabel,
  categories,
  className,
  title,
  testId,
}: {
  id: string;
  value: string | undefined;
  anyLabel: string;
  categories: readonly CategoryOption[];
  className: string;
  title?: string;
  testId: string;
}) {
  return (
    <select id={id} name="category" defaultValue={value ?? ""} title={title} className={className} data-testid={testId}>
      <option value="">{anyLabel}</option>
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {"\u3000".repeat(c.depth)}
          {c.name}
        </option>
      ))}
    </select>
  );
}
