"use client";

import type { KeyboardEvent, ReactNode } from "react";

/**
 * Keyboard for a server-rendered table: ↑/↓ (or k/j) on a row's link move the focus to the link of the
 * row above/below, Home/End to the first/last row; Enter opens it (a plain link). Rows are found by
 * `data-row-link`, so the table itself stays a server component.
 */
export function RowNavigator({ children, label }: { children: ReactNode; label: string }) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!target.matches("[data-row-link]")) return;
    const links = Array.from(e.currentTarget.querySelectorAll<HTMLElement>("[data-row-link]"));
    const at = links.indexOf(target);
    let next = -1;
    if (e.key === "ArrowDown" || e.key === "j") next = Math.min(at + 1, links.length - 1);
    else if (e.key === "ArrowUp" || e.key === "k") next = Math.max(at - 1, 0);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = links.length - 1;
    if (next < 0) return;
    e.preventDefault();
    links[next].focus();
    links[next].closest("tr")?.scrollIntoView({ block: "nearest" });
  };
  return (
    <div
      onKeyDown={onKeyDown}
      aria-label={label}
      role="region"
      className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
    >
      {children}
    </div>
  );
}
