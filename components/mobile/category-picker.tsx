"use client";

import { useState } from "react";
import type { CategoryNodeDto } from "@/lib/case/list-categories";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";

type Props = {
  /** The roots (矛盾纠纷, 问题隐患, 城市部件, 城市事件 …) with their types. */
  tree: CategoryNodeDto[];
  value: number | null;
  onChange: (id: number) => void;
  invalid?: string;
};

/** Finds a category and its root in the tree. */
export function findCategory(
  tree: CategoryNodeDto[],
  id: number | null,
): { node: CategoryNodeDto; root: CategoryNodeDto } | null {
  if (id === null) return null;
  for (const root of tree) {
    if (root.id === id) return { node: root, root };
    const child = root.children.find((c) => c.id === id);
    if (child) return { node: child, root };
  }
  return null;
}

/**
 * Two taps to a category on a phone: a row of group tabs (the tree's roots), then the group's types as large
 * buttons. Once chosen it folds into one line with 「更换」. Plain buttons: Tab and Enter work as well.
 */
export function CategoryPicker({ tree, value, onChange, invalid }: Props) {
  const chosen = findCategory(tree, value);
  const [open, setOpen] = useState(chosen === null);
  const [groupId, setGroupId] = useState<number | null>(chosen?.root.id ?? tree[0]?.id ?? null);
  const group = tree.find((r) => r.id === groupId) ?? tree[0];

  if (chosen && !open) {
    return (
      <div
        className="flex items-center justify-between gap-3 rounded-xl bg-sky-50 px-4 py-3 ring-1 ring-sky-200"
        data-testid="category-chosen"
        data-category-id={chosen.node.id}
      >
        <span className="text-base font-medium text-sky-900">
          {chosen.node === chosen.root ? chosen.root.name : caseIntake.form.categoryChosen(chosen.root.name, chosen.node.name)}
        </span>
        <button
          type="button"
          className="min-h-11 shrink-0 rounded-lg px-3 text-sm font-medium text-sky-700 ring-1 ring-sky-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
          onClick={() => setOpen(true)}
          data-testid="category-change"
        >
          {caseIntake.form.categoryChange}
        </button>
      </div>
    );
  }

  const options = group ? (group.children.length > 0 ? group.children : [group]) : [];
  return (
    <div data-testid="category-picker" aria-invalid={invalid ? true : undefined}>
      <div className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-2" role="tablist" aria-label={caseIntake.form.category}>
        {tree.map((root) => {
          const selected = root.id === group?.id;
          return (
            <button
              key={root.id}
              type="button"
              role="tab"
              aria-selected={selected}
              onClick={() => setGroupId(root.id)}
              data-testid={`category-group-${root.code}`}
              className={`min-h-11 shrink-0 rounded-full px-4 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${selected ? "bg-slate-900 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300"}`}
            >
              {root.name}
            </button>
          );
        })}
      </div>
      <div className="grid grid-cols-2 gap-2" role="radiogroup" aria-label={group?.name}>
        {options.map((c) => {
          const checked = c.id === value;
          return (
            <button
              key={c.id}
              type="button"
              role="radio"
              aria-checked={checked}
              data-testid={`category-option-${c.code}`}
              data-category-id={c.id}
              onClick={() => {
                onChange(c.id);
                setOpen(false);
              }}
              className={`min-h-12 rounded-xl px-3 py-2 text-left text-[15px] leading-5 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${checked ? "bg-sky-600 text-white" : "bg-white text-slate-800 ring-1 ring-slate-200 active:bg-slate-100"}`}
            >
              {c.name}
            </button>
          );
        })}
      </div>
    </div>
  );
}
