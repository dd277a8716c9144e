"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/components/ui/fetch-json";
import { Field, inputClass } from "@/components/ui/field";
import { t } from "@/lib/i18n";
import type { TransferFormDto } from "@/lib/transfer/get-transfer-form";

const text = t.transfer;

type Region = { id: number; label: string; level: number };

/**
 * The new-transfer form: to which department and position, which grid post (or none: the post's role follows
 * the position's grid role and may be changed), why and from when. One request id per form, so a double click
 * or a retried send makes one transfer; the server's Chinese message is shown as it is.
 */
export function TransferForm({ form }: { form: TransferFormDto & { staff: NonNullable<TransferFormDto["staff"]> } }) {
  const router = useRouter();
  const [requestId] = useState(() => crypto.randomUUID());
  const [departmentId, setDepartmentId] = useState("");
  const [positionId, setPositionId] = useState("");
  const [regionId, setRegionId] = useState("");
  const [gridRole, setGridRole] = useState("");
  const [reason, setReason] = useState("");
  const [effectiveDate, setEffectiveDate] = useState(form.today);
  const [regions, setRegions] = useState<Region[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!departmentId) return;
    const abort = new AbortController();
    fetchJson<{ regions: Region[] }>(`/api/transfers/post-regions?departmentId=${departmentId}`, abort.signal)
      .then((r) => setRegions(r.regions))
      .catch((e: Error) => e.name !== "AbortError" && setError(e.message));
    return () => abort.abort();
  }, [departmentId]);

  function chooseDepartment(value: string) {
    setDepartmentId(value);
    setRegions([]);
    setRegionId("");
  }

  // The post's role follows the position's grid role until changed by hand.
  function choosePosition(value: string) {
    setPositionId(value);
    setGridRole(form.positions.find((p) => String(p.id) === value)?.gridRole ?? "");
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/transfers", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({
          staffId: form.staff.id,
          staffVersion: form.staff.version,
          toDepartmentId: departmentId,
          toPositionId: positionId,
          toRegionId: regionId || undefined,
          toGridRole: regionId ? gridRole || undefined : undefined,
          reason,
          effectiveDate,
          requestId,
        }),
      });
      const body = (await response.json().catch(() => null)) as { transferId?: number; error?: { message?: string } } | null;
      if (!response.ok || !body?.transferId) throw new Error(body?.error?.message ?? t.errors.INTERNAL);
      router.push(`/transfers/${body.transferId}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="mt-4 max-w-2xl space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
      data-testid="transfer-form"
    >
      <div className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700" data-testid="transfer-form-staff">
        <div className="font-semibold text-slate-900">
          {form.staff.name} <span className="font-normal text-slate-400">{form.staff.staffNo}</span>
        </div>
        <div>
          {text.detail.from}：{form.staff.department} · {form.staff.position} · {form.staff.post}
        </div>
      </div>
      <Field label={text.fields.toDepartment} htmlFor="tf-department">
        <select
          id="tf-department"
          className={inputClass}
          value={departmentId}
          onChange={(e) => chooseDepartment(e.target.value)}
          required
        >
          <option value="">{text.noneOption}</option>
          {form.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={text.fields.toPosition} htmlFor="tf-position">
        <select
          id="tf-position"
          className={inputClass}
          value={positionId}
          onChange={(e) => choosePosition(e.target.value)}
          required
        >
          <option value="">{text.noneOption}</option>
          {form.positions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field label={text.fields.toRegion} htmlFor="tf-region">
          <select
            id="tf-region"
            className={inputClass}
            value={regionId}
            onChange={(e) => setRegionId(e.target.value)}
            disabled={!departmentId}
          >
            <option value="">{text.noPost}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={text.fields.toGridRole} htmlFor="tf-grid-role">
          <select
            id="tf-grid-role"
            className={inputClass}
            value={gridRole}
            onChange={(e) => setGridRole(e.target.value)}
            disabled={!regionId}
          >
            <option value="">{text.noneOption}</option>
            {Object.entries(text.gridRoles).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={text.fields.effectiveDate} htmlFor="tf-date">
        <input
          id="tf-date"
          type="date"
          className={inputClass}
          value={effectiveDate}
          onChange={(e) => setEffectiveDate(e.target.value)}
          required
        />
      </Field>
      <Field label={text.fields.reason} htmlFor="tf-reason">
        <textarea
          id="tf-reason"
          className={inputClass}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
        />
      </Field>
      {error && (
        <p
          className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200"
          role="alert"
          data-testid="transfer-form-error"
        >
          {error}
        </p>
      )}
      <Button kind="save" type="submit" disabled={busy} testId="transfer-submit">
        {text.submit}
      </Button>
    </form>
  );
}
