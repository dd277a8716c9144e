import type { AreaChoice } from "@/lib/case/list-cases-options";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";

const text = caseDesk.list.filters;

/**
 * The area filter as one native <select> (keyboard and screen readers for free, works without scripts):
 * the whole scope, the chosen area's ancestors inside the scope to go back up, the chosen area, and its
 * children to narrow down. Choosing a child and applying the filters shows that child's children next.
 */
export function AreaSelect({ area, className, id }: { area: AreaChoice; className: string; id?: string }) {
  const current = area.current;
  const scopeLabel = area.roots.length === 1 ? text.areaAll(area.roots[0].name) : text.any;
  const rootIds = new Set(area.roots.map((r) => r.id));
  // The single scope root is the "whole scope" choice itself: listing it again as an ancestor would be a duplicate.
  const ancestors = area.ancestors.filter((a) => !(area.roots.length === 1 && rootIds.has(a.id)));
  const currentIsRoot = current !== null && area.roots.length === 1 && rootIds.has(current.id);
  return (
    <select
      id={id}
      name="area"
      defaultValue={current && !currentIsRoot ? String(current.id) : ""}
      className={className}
      data-testid="filter-area"
    >
      <option value="">{scopeLabel}</option>
      {ancestors.length > 0 && (
        <optgroup label={text.areaUp}>
          {ancestors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}（{a.levelName}）
            </option>
          ))}
        </optgroup>
      )}
      {current && !currentIsRoot && (
        <option value={current.id}>
          {current.name}（{current.levelName}）
        </option>
      )}
      {area.children.length > 0 && (
        <optgroup label={text.areaChildren}>
          {area.children.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}（{c.levelName}）
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
