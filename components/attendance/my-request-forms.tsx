"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { attendanceDays } from "@/lib/i18n/zh-CN/attendance-days";
import { postJson } from "./post-json";

const p = attendanceDays.pages;
const LEAVE_TYPES = ["annual", "sick", "personal", "marriage", "maternity", "bereavement", "other"];

/** 申请补卡 / 申请请假 on the phone: one form with the kind as a toggle; the server checks everything again. */
export function MyRequestForms({ today }: { today: string }) {
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<"correction" | "leave">("correction");
  const [day, setDay] = useState(today);
  const [untilDay, setUntilDay] = useState(today);
  const [punchKind, setPunchKind] = useState<"in" | "out">("in");
  const [time, setTime] = useState("09:00");
  const [leaveType, setLeaveType] = useState("personal");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const body = kind === "correction" ? { kind, day, punchKind, time, reason } : { kind, day, untilDay, leaveType, reason };
    const result = await postJson("/api/attendance/requests", body);
    setBusy(false);
    setMessage(result.ok ? { ok: true, text: p.submitted } : { ok: false, text: result.message });
    if (result.ok) {
      setReason("");
      router.refresh();
    }
  };

  return (
    <form onSubmit={submit} className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200" data-testid="request-form">
      <div className="grid grid-cols-2 gap-2" role="radiogroup">
        {(["correction", "leave"] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={kind === k}
            onClick={() => setKind(k)}
            className={`h-11 rounded-lg text-sm font-semibold ring-1 ${kind === k ? "bg-sky-600 text-white ring-sky-600" : "bg-white text-slate-700 ring-slate-300"}`}
            data-testid={`request-kind-${k}`}
          >
            {k === "correction" ? p.askCorrection : p.askLeave}
          </button>
        ))}
      </div>
      <Field label={kind === "correction" ? p.day : p.from} htmlFor={`${id}-day`}>
        <input
          id={`${id}-day`}
          type="date"
          required
          value={day}
          max={kind === "correction" ? today : undefined}
          onChange={(e) => setDay(e.target.value)}
          className={inputClass}
          data-testid="request-day"
        />
      </Field>
      {kind === "correction" ? (
        <div className="grid grid-cols-2 gap-3">
          <Field label={p.punchKind} htmlFor={`${id}-pk`}>
            <select
              id={`${id}-pk`}
              value={punchKind}
              onChange={(e) => setPunchKind(e.target.value as "in" | "out")}
              className={inputClass}
              data-testid="request-punch-kind"
            >
              <option value="in">{attendanceDays.punchKind.in}</option>
              <option value="out">{attendanceDays.punchKind.out}</option>
            </select>
          </Field>
          <Field label={p.punchTime} htmlFor={`${id}-time`}>
            <input
              id={`${id}-time`}
              type="time"
              required
              value={time}
              onChange={(e) => setTime(e.target.value)}
              className={inputClass}
              data-testid="request-time"
            />
          </Field>
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-3">
          <Field label={p.until} htmlFor={`${id}-until`}>
            <input
              id={`${id}-until`}
              type="date"
              required
              value={untilDay}
              min={day}
              onChange={(e) => setUntilDay(e.target.value)}
              className={inputClass}
              data-testid="request-until"
            />
          </Field>
          <Field label={p.leaveType} htmlFor={`${id}-lt`}>
            <select id={`${id}-lt`} value={leaveType} onChange={(e) => setLeaveType(e.target.value)} className={inputClass}>
              {LEAVE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {attendanceDays.leaveType[t]}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <Field label={p.reason} htmlFor={`${id}-reason`}>
        <textarea
          id={`${id}-reason`}
          required
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className={inputClass}
          data-testid="request-reason"
        />
      </Field>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-emerald-700" : "text-rose-700"}`}
          data-testid={message.ok ? "request-ok" : "request-error"}
        >
          {message.text}
        </p>
      )}
      <button type="submit" disabled={busy} className={buttonClass("save", "h-11 w-full")} data-testid="request-submit">
        {p.submit}
      </button>
    </form>
  );
}

/** 撤回 a pending request of one's own. */
export function WithdrawButton({ id }: { id: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={`${buttonClass("small")} text-rose-700 ring-rose-200`}
        onClick={async () => {
          const result = await postJson(`/api/attendance/requests/${id}/withdraw`);
          if (result.ok) router.refresh();
          else setError(result.message);
        }}
        data-testid="request-withdraw"
      >
        {p.withdraw}
      </button>
      {error && (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
