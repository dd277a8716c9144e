"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { StaffDetailDto, StaffOptionsDto } from "@/lib/org/dto";
import { t } from "@/lib/i18n";

const text = t.org.form;
const f = t.org.staff.fields;
const inputClass =
  "mt-1 block w-full rounded-md border-0 bg-white px-2 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 focus:ring-2 focus:ring-sky-500";

/**
 * 编辑人员档案: sends only what changed, with the version it was opened at; a save over someone else's
 * (409) shows the server's Chinese message and keeps the form as typed. Identity number and phone are
 * replaced only when typed (the masked value is shown as a hint).
 */
export function StaffEditForm({ staff, options }: { staff: StaffDetailDto; options: StaffOptionsDto }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    const body: Record<string, unknown> = { version: staff.version };
    if (value("name") !== staff.name) body.name = value("name");
    const gender = value("gender") || null;
    if (gender !== staff.gender) body.gender = gender;
    for (const [key, current] of [
      ["departmentId", staff.departmentId],
      ["positionId", staff.positionId],
      ["rankId", staff.rankId],
    ] as const)
      if (Number(value(key)) !== current) body[key] = Number(value(key));
    if (value("hireDate") !== staff.hireDate) body.hireDate = value("hireDate");
    const leave = value("leaveDate") || null;
    if (leave !== staff.leaveDate) body.leaveDate = leave;
    if (value("idNumber")) body.idNumber = value("idNumber");
    if (value("phone")) body.phone = value("phone");
    if ("departmentId" in body || "positionId" in body || "rankId" in body) {
      body.changeReason = value("changeReason");
      if (value("effectiveDate")) body.effectiveDate = value("effectiveDate");
      if (value("note")) body.note = value("note");
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/staff/${staff.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = (await response.json().catch(() => null)) as {
        error?: { message?: string; details?: Record<string, string> };
      } | null;
      if (!response.ok) {
        const details = answer?.error?.details
          ? Object.values(answer.error.details).filter((d) => d !== answer?.error?.message)
          : [];
        setError([answer?.error?.message ?? t.errors.INTERNAL, ...details].join(" "));
        return;
      }
      router.push(`/staff/${staff.id}`);
      router.refresh();
    } catch {
      setError(t.errors.UNAVAILABLE);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={onSubmit}
      className="max-w-3xl space-y-5 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      data-testid="staff-edit-form"
    >
      <div className="grid grid-cols-2 gap-4">
        <label className="text-xs text-slate-600">
          {f.name}
          <input name="name" defaultValue={staff.name} required maxLength={50} className={inputClass} data-testid="edit-name" />
        </label>
        <label className="text-xs text-slate-600">
          {f.gender}
          <select name="gender" defaultValue={staff.gender ?? ""} className={inputClass}>
            <option value="">{t.org.staff.none}</option>
            {Object.entries(t.org.genders).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-slate-600">
          {f.idNumber}
          <input
            name="idNumber"
            placeholder={`${text.idNumberKeep}${staff.idNumberMasked ?? t.org.staff.none}）`}
            className={`${inputClass} font-mono`}
            data-testid="edit-id-number"
          />
        </label>
        <label className="text-xs text-slate-600">
          {f.phone}
          <input
            name="phone"
            placeholder={`${text.phoneKeep}${staff.phoneMasked ?? t.org.staff.none}）`}
            className={`${inputClass} font-mono`}
            data-testid="edit-phone"
          />
        </label>
        <label className="text-xs text-slate-600">
          {f.hireDate}
          <input type="date" name="hireDate" defaultValue={staff.hireDate} required className={inputClass} />
        </label>
        <label className="text-xs text-slate-600">
          {f.leaveDate}
          <input
            type="date"
            name="leaveDate"
            defaultValue={staff.leaveDate ?? ""}
            className={inputClass}
            data-testid="edit-leave-date"
          />
        </label>
      </div>
      <fieldset className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
        <legend className="px-1 text-sm font-semibold text-slate-800">{t.org.staff.sections.job}</legend>
        <p className="mb-3 text-xs text-slate-500">{text.jobChangeNote}</p>
        <div className="grid grid-cols-3 gap-4">
          <label className="col-span-3 text-xs text-slate-600">
            {f.department}
            <select name="departmentId" defaultValue={staff.departmentId} className={inputClass} data-testid="edit-department">
              {!options.departments.some((d) => d.id === staff.departmentId) && (
                <option value={staff.departmentId}>{staff.departmentName}</option>
              )}
              {options.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {"\u3000".repeat(d.depth)}
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-slate-600">
            {f.position}
            <select name="positionId" defaultValue={staff.positionId} className={inputClass} data-testid="edit-position">
              {options.positions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-slate-600">
            {f.rank}
            <select name="rankId" defaultValue={staff.rankId} className={inputClass} data-testid="edit-rank">
              {options.ranks.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-slate-600">
            {f.changeReason}
            <select name="changeReason" defaultValue="promotion" className={inputClass} data-testid="edit-change-reason">
              {Object.entries(text.reasons).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-slate-600">
            {f.effectiveDate}
            <input type="date" name="effectiveDate" className={inputClass} data-testid="edit-effective-date" />
          </label>
          <label className="col-span-2 text-xs text-slate-600">
            {f.note}
            <input name="note" maxLength={200} className={inputClass} />
          </label>
        </div>
      </fieldset>
      {error && (
        <p
          role="alert"
          className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200"
          data-testid="staff-edit-error"
        >
          {error}
        </p>
      )}
      <div className="flex gap-3">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-sky-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-60"
          data-testid="edit-save"
        >
          {busy ? text.saving : text.save}
        </button>
        <a
          href={`/staff/${staff.id}`}
          className="rounded-md px-3 py-1.5 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          {text.cancel}
        </a>
      </div>
    </form>
  );
}
