"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal on the native <dialog> element: the browser traps focus inside, Escape closes it and focus
 * returns to the button that opened it. `open` drives showModal()/close(); closing by Escape calls onClose.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={title}
      className="m-auto w-full max-w-xl rounded-2xl bg-white p-0 text-slate-800 shadow-2xl backdrop:bg-slate-900/50"
      data-testid={testId}
    >
      {open && (
        <div className="p-6">
          <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
          <div className="mt-3">{children}</div>
        </div>
      )}
    </dialog>
  );
}
