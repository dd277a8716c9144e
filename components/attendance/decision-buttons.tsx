"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { compactControlClass } from "@/components/ui/field";
import { attendanceDays } from "@/lib/i18n/zh-CN/attendance-days";
import { postJson } from "./post-json";

const p = attendanceDays.pages;

/** 批准 / 驳回 one request, with an optional note; a 409 (another lead was first) is shown in the row. */
export function DecisionButtons({ id }: { id: number }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: "approve" | "reject") => {
    setBusy(true);
    const result = await postJson(`/api/attendance/requests/${id}/decision`, { decision, note });
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.message);
  };
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          placeholder={p.note}
          aria-label={p.note}
          className={`${compactControlClass} w-40`}
        />
        <button
          type="button"
          disabled={busy}
          onClick={() => decide("approve")}
          className={`${buttonClass("small")} bg-emerald-600 text-white ring-emerald-600`}
          data-testid="request-approve"
        >
          {p.approve}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => decide("reject")}
          className={`${buttonClass("small")} text-rose-700 ring-rose-200`}
          data-testid="request-reject"
        >
          {p.reject}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-rose-700" data-testid="request-decision-error">
          {error}
        </p>
      )}
    </div>
  );
}
