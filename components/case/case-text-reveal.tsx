"use client";

import { useRef, useState } from "react";
import { createPortal } from "react-dom";
import { RevealDialog } from "@/components/resident/reveal-field";
import { formatDateTime } from "@/lib/format/time";
import { casePage } from "@/lib/i18n/zh-CN/case-page";

const text = casePage.personalText;
const f = casePage.fields;

type Revealed = {
  description: string;
  address: string | null;
  reporterName: string | null;
  emergencyPlan: string | null;
  notes: { eventId: number; note: string }[];
};

type Props = {
  caseId: number;
  /** The viewer may show the clear text (the server decides again on every request). */
  mayReveal: boolean;
  /** The timeline's steps, to say which step a note belongs to. */
  events: { id: number; at: string; actorName: string }[];
};

/**
 * Under a case's description when something in its free text is masked: a note saying so and, for the roles
 * with the reveal right, 查看原文 (a reason, logged) that shows the clear description, address and notes.
 */
export function CaseTextReveal({ caseId, mayReveal, events }: Props) {
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  if (revealed) {
    const byId = new Map(events.map((e) => [e.id, e]));
    return (
      <div className="mt-3 rounded-lg bg-amber-50/60 p-3 text-sm ring-1 ring-amber-200" data-testid="case-text-revealed">
        <p className="flex items-center gap-2 text-xs font-medium text-amber-900">
          {text.revealedTitle}
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] text-amber-800 ring-1 ring-amber-200">
            {text.logged}
          </span>
        </p>
        <p className="mt-2 whitespace-pre-wrap text-slate-900">{revealed.description}</p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-700">
          {revealed.address && (
            <>
              <dt className="text-slate-500">{f.address}</dt>
              <dd>{revealed.address}</dd>
            </>
          )}
          {revealed.emergencyPlan && (
            <>
              <dt className="text-slate-500">{casePage.risk.plan}</dt>
              <dd className="whitespace-pre-wrap">{revealed.emergencyPlan}</dd>
            </>
          )}
          {revealed.reporterName && (
            <>
              <dt className="text-slate-500">{f.reporter}</dt>
              <dd>{revealed.reporterName}</dd>
            </>
          )}
        </dl>
        {revealed.notes.length > 0 && (
          <>
            <p className="mt-2 text-xs font-medium text-slate-500">{text.notes}</p>
            <ul className="mt-1 space-y-1 text-xs text-slate-800">
              {revealed.notes.map((n) => {
                const e = byId.get(n.eventId);
                return (
                  <li key={n.eventId} className="whitespace-pre-wrap">
                    {e && <span className="text-slate-500">{`${formatDateTime(e.at)} ${e.actorName}：`}</span>}
                    {n.note}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500" data-testid="case-text-masked">
      <span>{text.maskedNote}</span>
      {mayReveal && (
        <>
          <span>{text.revealNote}</span>
          <button
            ref={buttonRef}
            type="button"
            onClick={() => setOpen(true)}
            className="rounded px-1.5 py-0.5 text-xs font-medium text-sky-700 ring-1 ring-sky-200 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
            data-testid="case-text-reveal"
          >
            {text.button}
          </button>
        </>
      )}
      {open &&
        createPortal(
          <RevealDialog
            title={text.title}
            endpoint={`/api/cases/${caseId}/reveal`}
            payload={{}}
            onDone={(body) => {
              setOpen(false);
              setRevealed(body as Revealed);
            }}
            onCancel={() => {
              setOpen(false);
              requestAnimationFrame(() => buttonRef.current?.focus());
            }}
          />,
          document.body,
        )}
    </div>
  );
}
