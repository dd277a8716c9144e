"use client";

import { useEffect, useState } from "react";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { loadDraft } from "./draft-store";
import { isDraftEmpty } from "./report-draft";

/** "有未发送的草稿" on the home page's report tile, when this browser keeps one for the account. */
export function DraftIndicator({ storageKey }: { storageKey: string }) {
  const [pending, setPending] = useState(false);
  useEffect(() => {
    let live = true;
    void loadDraft(storageKey).then(({ draft }) => {
      if (live) setPending(draft !== null && (!isDraftEmpty(draft) || draft.sendWhenOnline));
    });
    return () => {
      live = false;
    };
  }, [storageKey]);
  if (!pending) return null;
  return (
    <span
      className="mt-2 inline-flex rounded-full bg-amber-300 px-2.5 py-0.5 text-xs font-semibold text-amber-950"
      data-testid="draft-indicator"
    >
      {caseIntake.home.draftPending}
    </span>
  );
}
