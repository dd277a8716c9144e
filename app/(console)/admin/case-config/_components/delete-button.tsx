"use client";

import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { buttonClass } from "@/components/ui/button";
import { WriteError } from "./ui";
import { useConfigWrite } from "./use-config-write";

const a = caseDesk.config.actions;

/** Deletes one row after a confirmation, naming the version the page showed (a changed row is a conflict). */
export function DeleteButton({
  url,
  expectedVersion,
  what,
  testId,
}: {
  url: string;
  expectedVersion: number;
  what: string;
  testId?: string;
}) {
  const write = useConfigWrite();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        disabled={write.busy}
        onClick={() => {
          if (window.confirm(a.confirmDelete(what))) void write.send(url, "DELETE", { expectedVersion });
        }}
        className={`${buttonClass("small")} text-rose-700 ring-rose-200 hover:bg-rose-50`}
        data-testid={testId ?? "config-delete"}
      >
        {write.busy ? a.deleting : a.delete}
      </button>
      <WriteError error={write.error} stale={write.stale} onRefresh={write.refresh} />
    </span>
  );
}
