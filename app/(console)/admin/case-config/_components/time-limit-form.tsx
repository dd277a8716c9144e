"use client";

import { useId, useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import { CASE_LEVELS } from "@/lib/case/case-states";
import { CASE_STAGES, CASE_URGENCIES } from "@/lib/case/time-limits";
import type { CategoryConfigDto, TimeLimitDto } from "@/lib/case-config/dto";
import { cases } from "@/lib/i18n/zh-CN/case";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormButtons, WriteError } from "./ui";
import { useConfigWrite } from "./use-config-write";

const text = caseDesk.config;
const l = text.limits;
const UNITS = ["natural_minutes", "natural_hours", "working_minutes", "working_hours", "working_days"] as const;

/**
 * The add / edit dialog of a time-limit rule. A default row (category and level "all") keeps its key:
 * only its amount and unit can change.
 */
export function TimeLimitButton({
  categories,
  limit,
  label,
}: {
  categories: CategoryConfigDto[];
  limit?: TimeLimitDto;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const initial = () => ({
    categoryId: limit?.categoryId === null || limit === undefined ? "" : String(limit.categoryId),
    urgency: limit?.urgency ?? "general",
    level: limit?.level ?? "",
    stage: limit?.stage ?? "handle",
    amount: String(limit?.amount ?? ""),
    unit: limit?.unit ?? "working_days",
  });
  const [form, setForm] = useState(initial);
  const write = useConfigWrite();
  const id = useId();
  const locked = limit?.isDefault ?? false;
  const set = (key: keyof ReturnType<typeof initial>) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      categoryId: form.categoryId === "" ? null : Number(form.categoryId),
      urgency: form.urgency,
      level: form.level === "" ? null : form.level,
      stage: form.stage,
      amount: Number(form.amount),
      unit: form.unit,
    };
    const ok = limit
      ? await write.send(`/api/case-config/time-limits/${limit.id}`, "PATCH", { ...body, expectedVersion: limit.version })
      : await write.send("/api/case-config/time-limits", "POST", body);
    if (ok) setOpen(false);
  };

  return (
    <>
      {limit ? (
        <button
          type="button"
          onClick={() => {
            setForm(initial());
            write.clear();
            setOpen(true);
          }}
          className={`${buttonClass("small")} text-sky-700 ring-sky-200 hover:bg-sky-50`}
          data-testid="limit-edit"
          aria-label={label}
        >
          {text.actions.edit}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => {
            setForm(initial());
            write.clear();
            setOpen(true);
          }}
          className={buttonClass("save")}
          data-testid="limit-add"
        >
          + {text.actions.add}
        </button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} title={limit ? l.editTitle : l.addTitle} testId="limit-dialog">
        <form onSubmit={submit} className="space-y-3">
          <div className="grid grid-cols-2 gap-3">
            <Field label={l.columns.category} htmlFor={`${id}-category`}>
              <select
                id={`${id}-category`}
                value={form.categoryId}
                onChange={set("categoryId")}
                disabled={locked}
                className={inputClass}
                data-testid="limit-category"
              >
                <option value="">{text.anyCategory}</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {"\u3000".repeat(c.depth)}
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={l.columns.level} htmlFor={`${id}-level`}>
              <select
                id={`${id}-level`}
                value={form.level}
                onChange={set("level")}
                disabled={locked}
                className={inputClass}
                data-testid="limit-level"
              >
                <option value="">{text.anyLevel}</option>
                {CASE_LEVELS.map((v) => (
                  <option key={v} value={v}>
                    {caseLoop.levelLabels[v]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={l.columns.urgency} htmlFor={`${id}-urgency`}>
              <select
                id={`${id}-urgency`}
                value={form.urgency}
                onChange={set("urgency")}
                disabled={locked}
                className={inputClass}
                data-testid="limit-urgency"
              >
                {CASE_URGENCIES.map((v) => (
                  <option key={v} value={v}>
                    {cases.urgencies[v]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={l.columns.stage} htmlFor={`${id}-stage`}>
              <select
                id={`${id}-stage`}
                value={form.stage}
                onChange={set("stage")}
                disabled={locked}
                className={inputClass}
                data-testid="limit-stage"
              >
                {CASE_STAGES.map((v) => (
                  <option key={v} value={v}>
                    {cases.stages[v]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={l.amount} htmlFor={`${id}-amount`}>
              <input
                id={`${id}-amount`}
                type="number"
                min={1}
                max={100000}
                step={1}
                required
                value={form.amount}
                onChange={set("amount")}
                className={inputClass}
                data-testid="limit-amount"
              />
            </Field>
            <Field label={l.unit} htmlFor={`${id}-unit`}>
              <select id={`${id}-unit`} value={form.unit} onChange={set("unit")} className={inputClass} data-testid="limit-unit">
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {cases.limitUnits[u]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <WriteError
            error={write.error}
            stale={write.stale}
            onRefresh={() => {
              // Reopening shows the row as it is now.
              write.refresh();
              setOpen(false);
            }}
          />
          <FormButtons busy={write.busy} onCancel={() => setOpen(false)} />
        </form>
      </Dialog>
    </>
  );
}
