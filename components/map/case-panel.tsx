"use client";

import Link from "next/link";
import { useState, type RefObject } from "react";
import { CaseLightBadge } from "@/components/case/case-light-badge";
import { CaseTimeline } from "@/components/case/case-timeline";
import type { CaseDetailDto } from "@/lib/case/case-dto";
import { deadlineNote } from "@/lib/case/deadline-note";
import { formatDateTime } from "@/lib/format/time";
import { t } from "@/lib/i18n";
import { cases } from "@/lib/i18n/zh-CN/case";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";

const text = t.caseMap;

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <div className="grid grid-cols-[5.5rem_1fr] gap-2 py-1.5 text-sm" data-testid={testId}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </div>
  );
}

/**
 * A case beside the map: number, category, state, light, deadline, address and the timeline, with a link to
 * the case page where the work is done (the map only shows).
 */
export function CaseBody({ data, headingRef }: { data: CaseDetailDto; headingRef: RefObject<HTMLHeadingElement | null> }) {
  // the moment the panel opened: the deadline hint is read once, not ticking
  const [now] = useState(() => Date.now());
  const open = data.light !== null || data.deadlineAt !== null;
  return (
    <div className="space-y-4 p-4" data-testid="case-panel" data-case-id={data.id} data-light={data.light ?? ""}>
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="rounded bg-slate-800 px-1.5 py-0.5 text-xs font-medium text-white" data-testid="case-state">
            {caseLoop.stateLabels[data.state]}
          </span>
          <CaseLightBadge light={data.light} />
          <span className="text-xs text-slate-500">{cases.urgencies[data.urgency]}</span>
        </div>
        <h2
          ref={headingRef}
          tabIndex={-1}
          className="mt-2 font-mono text-lg font-bold tracking-tight text-slate-900 focus:outline-none"
          data-testid="panel-title"
        >
          {data.number}
        </h2>
        <p className="mt-1 line-clamp-3 text-sm text-slate-700" data-testid="case-description">
          {data.description}
        </p>
      </div>
      <dl className="divide-y divide-slate-100 rounded-xl bg-slate-50 px-3 ring-1 ring-slate-100">
        <Fact label={text.categoryLabel} testId="case-category">
          {data.categoryName}
        </Fact>
        <Fact label={text.deadline} testId="case-deadline">
          {data.deadlineAt ? (
            <>
              {formatDateTime(data.deadlineAt)}
              {open && (
                <span className={`ml-2 text-xs ${Date.parse(data.deadlineAt) < now ? "text-red-600" : "text-slate-500"}`}>
                  {deadlineNote(data.deadlineAt, now).text}
                </span>
              )}
            </>
          ) : (
            <span className="text-slate-400">{text.noDeadline}</span>
          )}
        </Fact>
        <Fact label={text.address} testId="case-address">
          {data.address ?? <span className="text-slate-400">{text.noAddress}</span>}
        </Fact>
        <Fact label={text.grid} testId="case-grid">
          {data.gridName}
        </Fact>
        <Fact label={text.reportedAt} testId="case-reported-at">
          {formatDateTime(data.reportedAt)}
        </Fact>
        <Fact label={text.leadUnit} testId="case-lead-unit">
          {data.leadUnitName ?? <span className="text-slate-400">—</span>}
        </Fact>
      </dl>
      <section>
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500">{text.timeline}</h3>
        {data.events.length === 0 ? (
          <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-400">{text.noTimeline}</p>
        ) : (
          <div className="pl-2">
            <CaseTimeline events={data.events} compact />
          </div>
        )}
      </section>
      <Link
        href={`/cases/${data.id}`}
        className="flex w-full items-center justify-center gap-2 rounded-xl bg-sky-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2"
        data-testid="open-case"
      >
        {text.openCase} →
      </Link>
    </div>
  );
}
