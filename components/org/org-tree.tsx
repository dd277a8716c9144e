"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { DepartmentNodeDto } from "@/lib/org/dto";
import { t } from "@/lib/i18n";

const text = t.org.chart;

type Visible = { node: DepartmentNodeDto; depth: number; parentId: number | null };

/** The visible rows: every root, and the children of expanded nodes, depth first. */
function visibleRows(roots: readonly DepartmentNodeDto[], expanded: ReadonlySet<number>): Visible[] {
  const out: Visible[] = [];
  const walk = (nodes: readonly DepartmentNodeDto[], depth: number, parentId: number | null) => {
    for (const node of nodes) {
      out.push({ node, depth, parentId });
      if (expanded.has(node.id)) walk(node.children, depth + 1, node.id);
    }
  };
  walk(roots, 0, null);
  return out;
}

function allIds(roots: readonly DepartmentNodeDto[]): number[] {
  const ids: number[] = [];
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children.length) ids.push(n.id);
    stack.push(...n.children);
  }
  return ids;
}

/**
 * The org chart as an ARIA tree: expand and collapse with the mouse or the keyboard (↑↓ move, → open or go to
 * the first child, ← close or go to the parent, Home/End, Enter opens the department's staff list). Each row
 * shows the department's own in-service count and its subtree's. The first two levels start open.
 */
export function OrgTree({ roots }: { roots: DepartmentNodeDto[] }) {
  const router = useRouter();
  const [expanded, setExpanded] = useState<Set<number>>(() => {
    const open = new Set<number>();
    for (const r of roots) {
      open.add(r.id);
      if (roots.length === 1) for (const c of r.children) if (c.children.length > 0 && r.children.length <= 8) open.add(c.id);
    }
    return open;
  });
  const rows = useMemo(() => visibleRows(roots, expanded), [roots, expanded]);
  const [activeId, setActiveId] = useState<number | null>(roots[0]?.id ?? null);
  const itemRefs = useRef(new Map<number, HTMLDivElement>());

  const focus = useCallback((id: number) => {
    setActiveId(id);
    requestAnimationFrame(() => itemRefs.current.get(id)?.focus());
  }, []);
  const toggle = (id: number, open?: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, row: Visible, index: number) => {
    const { node } = row;
    const hasChildren = node.children.length > 0;
    switch (event.key) {
      case "ArrowDown":
        if (index + 1 < rows.length) focus(rows[index + 1].node.id);
        break;
      case "ArrowUp":
        if (index > 0) focus(rows[index - 1].node.id);
        break;
      case "ArrowRight":
        if (hasChildren && !expanded.has(node.id)) toggle(node.id, true);
        else if (hasChildren) focus(node.children[0].id);
        break;
      case "ArrowLeft":
        if (hasChildren && expanded.has(node.id)) toggle(node.id, false);
        else if (row.parentId !== null) focus(row.parentId);
        break;
      case "Home":
        if (rows.length) focus(rows[0].node.id);
        break;
      case "End":
        if (rows.length) focus(rows[rows.length - 1].node.id);
        break;
      case "Enter":
        router.push(`/staff?department=${node.id}`);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  if (roots.length === 0)
    return (
      <p
        className="rounded-xl bg-white px-5 py-8 text-center text-sm text-slate-500 ring-1 ring-slate-200"
        data-testid="org-empty"
      >
        {text.empty}
      </p>
    );

  return (
    <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2 text-xs text-slate-500">
        <span>{text.keyboardHint}</span>
        <span className="flex gap-2">
          <button
            type="button"
            className="rounded px-2 py-1 ring-1 ring-slate-200 hover:bg-slate-50"
            onClick={() => setExpanded(new Set(allIds(roots)))}
            data-testid="org-expand-all"
          >
            {text.expandAll}
          </button>
          <button
            type="button"
            className="rounded px-2 py-1 ring-1 ring-slate-200 hover:bg-slate-50"
            onClick={() => setExpanded(new Set())}
            data-testid="org-collapse-all"
          >
            {text.collapseAll}
          </button>
        </span>
      </div>
      <div role="tree" aria-label={text.treeLabel} className="py-1" data-testid="org-tree">
        {rows.map((row, index) => {
          const { node, depth } = row;
          const hasChildren = node.children.length > 0;
          const open = expanded.has(node.id);
          return (
            <div
              key={node.id}
              ref={(el) => {
                if (el) itemRefs.current.set(node.id, el);
                else itemRefs.current.delete(node.id);
              }}
              role="treeitem"
              aria-level={depth + 1}
              aria-expanded={hasChildren ? open : undefined}
              aria-selected={activeId === node.id}
              tabIndex={activeId === node.id ? 0 : -1}
              onKeyDown={(e) => onKeyDown(e, row, index)}
              onFocus={() => setActiveId(node.id)}
              className="group flex items-center gap-2 px-3 py-1.5 text-sm outline-none hover:bg-slate-50 focus-visible:bg-sky-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-400"
              style={{ paddingLeft: `${0.75 + depth * 1.5}rem` }}
              data-testid="org-node"
              data-department-id={node.id}
            >
              {hasChildren ? (
                <button
                  type="button"
                  tabIndex={-1}
                  aria-label={open ? text.collapse : text.expand}
                  onClick={() => toggle(node.id)}
                  className="grid h-5 w-5 place-items-center rounded text-slate-500 hover:bg-slate-200"
                  data-testid="org-toggle"
                >
                  <span aria-hidden className={`inline-block transition-transform ${open ? "rotate-90" : ""}`}>
                    ▸
                  </span>
                </button>
              ) : (
                <span className="h-5 w-5" aria-hidden />
              )}
              <Link
                href={`/staff?department=${node.id}`}
                tabIndex={-1}
                className="font-medium text-slate-900 hover:text-sky-700 hover:underline"
                data-testid="org-node-link"
              >
                {node.name}
              </Link>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">{node.kindName}</span>
              <span className="text-xs text-slate-400">
                {node.levelName} · {node.regionName}
              </span>
              <span
                className="ml-auto flex items-baseline gap-1 text-xs tabular-nums text-slate-500"
                title={text.countTitle(node.staffCount, node.subtreeCount)}
                data-testid="org-node-count"
              >
                <span className="font-semibold text-slate-800">{node.staffCount}</span>
                <span>/</span>
                <span>{node.subtreeCount}</span>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
