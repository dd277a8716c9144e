"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { AttendancePointMemberDto } from "@/lib/attendance/points/point-dto";
import type { AttendanceRuleDto } from "@/lib/attendance/rules/rule-dto";
import { t } from "@/lib/i18n";
import { sendJson } from "../account/send-json";
import { buttonClass } from "../ui/button";
import { fetchJson } from "../ui/fetch-json";
import { inputClass } from "../ui/field";
import { cellClass, headCellClass, tableClass, TableFrame } from "../ui/table";

const text = t.attendancePoints.rules;

type Draft = {
  id?: number;
  expectedVersion?: number;
  name: string;
  holder: AttendancePointMemberDto | null;
  start: string;
  end: string;
  lateGraceMinutes: string;
  earlyGraceMinutes: string;
  minWorkMinutes: string;
  requiredPatrols: string;
  allowOutsideWithReason: boolean;
  maxAccuracyM: string;
  validFrom: string;
  validTo: string;
};

const blank = (today: string): Draft => ({
  name: "",
  holder: null,
  start: "09:00",
  end: "17:00",
  lateGraceMinutes: "5",
  earlyGraceMinutes: "5",
  minWorkMinutes: "480",
  requiredPatrols: "0",
  allowOutsideWithReason: true,
  maxAccuracyM: "200",
  validFrom: today,
  validTo: "",
});

const fromRule = (r: AttendanceRuleDto): Draft => ({
  id: r.id,
  expectedVersion: r.version,
  name: r.name,
  holder: { kind: r.holderKind, id: (r.staffId ?? r.departmentId)!, name: r.holderName, detail: null },
  start: r.start,
  end: r.end,
  lateGraceMinutes: String(r.lateGraceMinutes),
  earlyGraceMinutes: String(r.earlyGraceMinutes),
  minWorkMinutes: String(r.minWorkMinutes),
  requiredPatrols: String(r.requiredPatrols),
  allowOutsideWithReason: r.allowOutsideWithReason,
  maxAccuracyM: String(r.maxAccuracyM),
  validFrom: r.validFrom,
  validTo: r.validTo ?? "",
});

/**
 * 考勤规则: the rules of the caller's area in a table, a form to add or change one (for a department or one
 * person, effective-dated), and closing a rule from a date. The server refuses overlaps and nonsense shifts
 * with the message shown above the form.
 */
export function RulesEditor({ rules, today }: { rules: AttendanceRuleDto[]; today: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [closing, setClosing] = useState<{ rule: AttendanceRuleDto; validTo: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    setError(null);
    const body = {
      name: draft.name,
      departmentId: draft.holder?.kind === "department" ? draft.holder.id : undefined,
      staffId: draft.holder?.kind === "staff" ? draft.holder.id : undefined,
      start: draft.start,
      end: draft.end,
      lateGraceMinutes: draft.lateGraceMinutes,
      earlyGraceMinutes: draft.earlyGraceMinutes,
      minWorkMinutes: draft.minWorkMinutes,
      requiredPatrols: draft.requiredPatrols,
      allowOutsideWithReason: draft.allowOutsideWithReason,
      maxAccuracyM: draft.maxAccuracyM,
      validFrom: draft.validFrom,
      validTo: draft.validTo || null,
    };
    try {
      if (draft.id)
        await sendJson(`/api/attendance/rules/${draft.id}`, "PATCH", { ...body, expectedVersion: draft.expectedVersion });
      else await sendJson("/api/attendance/rules", "POST", body);
      setDraft(null);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const close = async () => {
    if (!closing) return;
    setBusy(true);
    setError(null);
    try {
      await sendJson(`/api/attendance/rules/${closing.rule.id}/close`, "POST", {
        validTo: closing.validTo,
        expectedVersion: closing.rule.version,
      });
      setClosing(null);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const number = (key: keyof Draft, label: string, min: number, max: number) => (
    <label className="block text-sm text-slate-700">
      {label}
      <input
        type="number"
        min={min}
        max={max}
        className={`${inputClass} mt-1`}
        value={draft![key] as string}
        onChange={(e) => set({ [key]: e.target.value } as Partial<Draft>)}
        data-testid={`rule-${key}`}
      />
    </label>
  );

  return (
    <div className="space-y-4" data-testid="rules-editor">
      <div className="flex justify-end">
        <button
          type="button"
          className={buttonClass("primary")}
          onClick={() => {
            setError(null);
            setDraft(blank(today));
          }}
          data-testid="rule-new"
        >
          {text.create}
        </button>
      </div>
      {error && (
        <p
          className="rounded-lg bg-rose-50 px-3 py-2 text-sm font-medium text-rose-700 ring-1 ring-rose-200"
          role="alert"
          data-testid="rule-error"
        >
          {error}
        </p>
      )}
      {draft && (
        <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="rule-form">
          <div className="grid grid-cols-4 gap-4">
            <label className="col-span-2 block text-sm text-slate-700">
              {text.fields.name}
              <input
                className={`${inputClass} mt-1`}
                value={draft.name}
                onChange={(e) => set({ name: e.target.value })}
                data-testid="rule-name"
              />
            </label>
            <div className="col-span-2">
              <HolderPicker holder={draft.holder} onChange={(holder) => set({ holder })} />
            </div>
            <label className="block text-sm text-slate-700">
              {text.fields.start}
              <input
                type="time"
                className={`${inputClass} mt-1`}
                value={draft.start}
                onChange={(e) => set({ start: e.target.value })}
                data-testid="rule-start"
              />
            </label>
            <label className="block text-sm text-slate-700">
              {text.fields.end}
              <input
                type="time"
                className={`${inputClass} mt-1`}
                value={draft.end}
                onChange={(e) => set({ end: e.target.value })}
                data-testid="rule-end"
              />
            </label>
            {number("lateGraceMinutes", text.fields.lateGrace, 0, 240)}
            {number("earlyGraceMinutes", text.fields.earlyGrace, 0, 240)}
            {number("minWorkMinutes", text.fields.minWork, 0, 1440)}
            {number("requiredPatrols", text.fields.patrols, 0, 10)}
            {number("maxAccuracyM", text.fields.accuracy, 5, 5000)}
            <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={draft.allowOutsideWithReason}
                onChange={(e) => set({ allowOutsideWithReason: e.target.checked })}
              />
              {text.fields.outside}
            </label>
            <label className="block text-sm text-slate-700">
              {text.fields.validFrom}
              <input
                type="date"
                className={`${inputClass} mt-1`}
                value={draft.validFrom}
                onChange={(e) => set({ validFrom: e.target.value })}
                data-testid="rule-validFrom"
              />
            </label>
            <label className="block text-sm text-slate-700">
              {text.fields.validTo}
              <input
                type="date"
                className={`${inputClass} mt-1`}
                value={draft.validTo}
                onChange={(e) => set({ validTo: e.target.value })}
                data-testid="rule-validTo"
              />
            </label>
          </div>
          <div className="mt-4 flex gap-3">
            <button type="button" className={buttonClass("save")} disabled={busy} onClick={save} data-testid="rule-save">
              {text.save}
            </button>
            <button type="button" className={buttonClass("quiet")} onClick={() => setDraft(null)}>
              {text.cancel}
            </button>
          </div>
        </section>
      )}
      {closing && (
        <section className="flex items-end gap-3 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200" data-testid="rule-close-form">
          <label className="block text-sm text-slate-700">
            {text.closeOn}
            <input
              type="date"
              className={`${inputClass} mt-1`}
              value={closing.validTo}
              onChange={(e) => setClosing({ ...closing, validTo: e.target.value })}
            />
          </label>
          <button type="button" className={buttonClass("save")} disabled={busy} onClick={close}>
            {text.confirmClose}
          </button>
          <button type="button" className={buttonClass("quiet")} onClick={() => setClosing(null)}>
            {text.cancel}
          </button>
        </section>
      )}
      {rules.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">{text.empty}</p>
      ) : (
        <TableFrame>
          <table className={tableClass} data-testid="rule-table">
            <thead>
              <tr>
                {Object.values(text.columns).map((c) => (
                  <th key={c} className={headCellClass}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id} data-testid="rule-row">
                  <td className={cellClass}>{r.name}</td>
                  <td className={cellClass}>
                    <span className="mr-1 text-xs text-slate-400">{text.holderKinds[r.holderKind]}</span>
                    {r.holderName}
                  </td>
                  <td className={cellClass}>
                    {r.start}–{r.end}
                  </td>
                  <td className={cellClass}>
                    {text.minutes(r.lateGraceMinutes)} / {text.minutes(r.earlyGraceMinutes)}
                  </td>
                  <td className={cellClass}>{text.hours(r.minWorkMinutes)}</td>
                  <td className={cellClass}>{text.times(r.requiredPatrols)}</td>
                  <td className={cellClass}>{r.allowOutsideWithReason ? text.allowed : text.refused}</td>
                  <td className={cellClass}>{text.meters(r.maxAccuracyM)}</td>
                  <td className={cellClass}>{text.period(r.validFrom, r.validTo)}</td>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    <button type="button" className="text-sky-700 hover:underline" onClick={() => setDraft(fromRule(r))}>
                      {text.edit}
                    </button>
                    {(r.validTo === null || r.validTo > today) && (
                      <button
                        type="button"
                        className="ml-3 text-rose-700 hover:underline"
                        onClick={() => setClosing({ rule: r, validTo: today > r.validFrom ? today : (r.validTo ?? today) })}
                      >
                        {text.close}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </div>
  );
}

/** The one department or person a rule is for. */
function HolderPicker({
  holder,
  onChange,
}: {
  holder: AttendancePointMemberDto | null;
  onChange: (h: AttendancePointMemberDto | null) => void;
}) {
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<AttendancePointMemberDto[]>([]);
  useEffect(() => {
    const query = q.trim();
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchJson<AttendancePointMemberDto[]>(`/api/attendance/points/members?q=${encodeURIComponent(query)}`, controller.signal)
        .then(setHits)
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return (
    <div className="text-sm text-slate-700">
      {text.fields.holderKind}
      {holder ? (
        <div
          className="mt-1 flex items-center gap-2 rounded-lg bg-sky-50 px-3 py-1.5 ring-1 ring-sky-200"
          data-testid="rule-holder"
        >
          <span className="text-xs text-sky-500">{text.holderKinds[holder.kind]}</span>
          <span className="flex-1">{holder.name}</span>
          <button type="button" className="text-xs text-slate-500 hover:text-rose-700" onClick={() => onChange(null)}>
            ×
          </button>
        </div>
      ) : (
        <>
          <input
            className={`${inputClass} mt-1`}
            value={q}
            placeholder={text.fields.holderSearch}
            onChange={(e) => setQ(e.target.value)}
            data-testid="rule-holder-search"
          />
          {q.trim() !== "" && hits.length > 0 && (
            <ul className="mt-1 max-h-48 overflow-y-auto rounded-lg bg-white shadow ring-1 ring-slate-200">
              {hits.map((h) => (
                <li key={`${h.kind}:${h.id}`}>
                  <button
                    type="button"
                    className="flex w-full gap-2 px-3 py-1.5 text-left hover:bg-sky-50"
                    onClick={() => {
                      onChange(h);
                      setQ("");
                    }}
                  >
                    <span className="text-xs text-slate-400">{text.holderKinds[h.kind]}</span>
                    {h.name}
                    {h.detail && <span className="truncate text-xs text-slate-500">{h.detail}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
