"use client";

import { useRef, useState } from "react";
import { createPortal } from "react-dom";
import { RevealDialog } from "@/components/resident/reveal-field";
import { t } from "@/lib/i18n";

const text = t.org.reveal;

/** A staff member's masked identity number or phone with 查看: a reason, then the clear value (logged). */
export function StaffRevealField({
  staffId,
  field,
  label,
  masked,
  allowed,
}: {
  staffId: number;
  field: "id_number" | "phone";
  label: string;
  masked: string | null;
  allowed: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<string | null | undefined>(undefined);
  const buttonRef = useRef<HTMLButtonElement>(null);
  if (masked === null) return <span className="text-slate-400">{t.org.staff.none}</span>;
  if (revealed !== undefined)
    return (
      <span className="inline-flex items-baseline gap-2" data-testid={`revealed-${field}`}>
        <span className="font-mono font-medium text-slate-900">{revealed ?? t.org.errors.noValue}</span>
        <span className="rounded bg-amber-50 px-1.5 py-0.5 text-[11px] text-amber-800 ring-1 ring-amber-200">{text.logged}</span>
      </span>
    );
  return (
    <span className="inline-flex items-baseline gap-2">
      <span className="font-mono text-slate-700" data-testid={`masked-${field}`}>
        {masked}
      </span>
      {allowed && (
        <button
          ref={buttonRef}
          type="button"
          onClick={() => setOpen(true)}
          aria-label={`${text.button}${label}`}
          className="rounded px-1.5 py-0.5 text-xs font-medium text-sky-700 ring-1 ring-sky-200 hover:bg-sky-50"
          data-testid={`reveal-${field}`}
        >
          {text.button}
        </button>
      )}
      {open &&
        createPortal(
          <RevealDialog
            title={`${text.button}${label}`}
            endpoint={`/api/staff/${staffId}/reveal`}
            payload={{ field }}
            onDone={(body) => {
              setOpen(false);
              setRevealed((body as { value?: string | null } | null)?.value ?? null);
            }}
            onCancel={() => {
              setOpen(false);
              requestAnimationFrame(() => buttonRef.current?.focus());
            }}
          />,
          document.body,
        )}
    </span>
  );
}
