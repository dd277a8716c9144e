"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { compactControlClass } from "@/components/ui/field";
import { attendanceDays } from "@/lib/i18n/zh-CN/attendance-days";
import { postJson } from "./post-json";

const p = attendanceDays.pages;

/** 生成月报 for a month: the run happens in the request (4,000 people in seconds); progress is the button's state. */
export function GenerateReport({ month, maxMonth }: { month: string; maxMonth: string }) {
  const router = useRouter();
  const [value, setValue] = useState(month);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setMessage(null);
    const result = await postJson("/api/attendance/reports", { month: value });
    setBusy(false);
    if (result.ok) {
      const r = result.data as { version: number; rows: number; ms: number };
      setMessage({ ok: true, text: p.generated(r.version, r.rows, r.ms) });
      router.push(`/attendance/reports?month=${value}`);
      router.refresh();
    } else setMessage({ ok: false, text: result.message });
  };
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col text-xs text-slate-500">
        {p.monthLabel}
        <input
          type="month"
          value={value}
          max={maxMonth}
          onChange={(e) => setValue(e.target.value)}
          className={compactControlClass}
          data-testid="report-month"
        />
      </label>
      <button type="button" disabled={busy} onClick={run} className={buttonClass("save")} data-testid="report-generate">
        {busy ? p.generating : p.generate}
      </button>
      {message && (
        <span
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-emerald-700" : "text-rose-700"}`}
          data-testid="report-message"
        >
          {message.text}
        </span>
      )}
    </div>
  );
}

/** 确认并锁定 a draft version. */
export function ConfirmReport({ id }: { id: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await postJson(`/api/attendance/reports/${id}/confirm`);
          setBusy(false);
          if (result.ok) router.refresh();
          else setError(result.message);
        }}
        className={buttonClass("save")}
        data-testid="report-confirm"
      >
        {p.confirm}
      </button>
      {error && (
        <span role="alert" className="text-sm text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
