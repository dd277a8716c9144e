"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { CaseSummaryDto } from "@/lib/case/case-dto";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { formatShortDateTime } from "@/lib/format/time";

/**
 * Before sending: open cases of the same category near the pin, reported recently (the server's duplicate
 * window), so the grid worker can see whether someone already reported the same thing. Asked again when the
 * category or the pin changes (after a short pause, so dragging the pin does not fire a request per frame).
 * Offline or failing: shows nothing — the check is a help, never a gate.
 */
export function DuplicateWarning({
  categoryId,
  position,
}: {
  categoryId: number | null;
  position: { lon: number; lat: number } | null;
}) {
  const [state, setState] = useState<{ key: string; cases: CaseSummaryDto[] } | null>(null);
  const key = categoryId !== null && position ? `${categoryId}:${position.lon.toFixed(6)}:${position.lat.toFixed(6)}` : null;

  useEffect(() => {
    if (key === null || categoryId === null || !position) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      if (!navigator.onLine) return;
      const query = new URLSearchParams({ categoryId: String(categoryId), lon: String(position.lon), lat: String(position.lat) });
      try {
        const response = await fetch(`/api/cases/duplicates?${query}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!response.ok) return;
        setState({ key, cases: (await response.json()) as CaseSummaryDto[] });
      } catch {
        // offline or aborted: no warning
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, categoryId, position]);

  const cases = state && state.key === key ? state.cases : [];
  if (cases.length === 0) return null;
  return (
    <section className="rounded-xl bg-amber-50 p-4 ring-1 ring-amber-300" role="status" data-testid="duplicate-warning">
      <h2 className="text-base font-semibold text-amber-900">{caseIntake.duplicates.title}</h2>
      <p className="mt-1 text-sm text-amber-800">{caseIntake.duplicates.hint}</p>
      <ul className="mt-3 space-y-2">
        {cases.map((c) => (
          <li key={c.id}>
            <Link
              href={`/m/cases/${c.id}`}
              className="block rounded-lg bg-white px-3 py-2 ring-1 ring-amber-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500"
              data-testid="duplicate-item"
              data-case-id={c.id}
            >
              <span className="flex items-center justify-between gap-2 text-sm">
                <span className="font-mono text-slate-700">{c.number}</span>
                <span className="text-slate-500">{caseLoop.stateLabels[c.state]}</span>
              </span>
              <span className="mt-1 block truncate text-sm text-slate-800">{c.description}</span>
              <span className="mt-0.5 block text-xs text-slate-500">
                {formatShortDateTime(c.reportedAt)} · {c.address ?? c.gridName}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
