"use client";

import { useId, useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import { CASE_LEVELS } from "@/lib/case/case-states";
import { CASE_URGENCIES } from "@/lib/case/time-limits";
import type { CategoryConfigDto } from "@/lib/case-config/dto";
import { cases } from "@/lib/i18n/zh-CN/case";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormButtons, WriteError } from "./ui";
import { useConfigWrite } from "./use-config-write";

const text = caseDesk.config;

/** 编辑 one category: name, default accepting level and urgency, active — in a dialog. */
export function CategoryEdit({ category }: { category: CategoryConfigDto }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(category.name);
  const [level, setLevel] = useState(category.defaultLevel);
  const [urgency, setUrgency] = useState(category.defaultUrgency);
  const [active, setActive] = useState(category.active);
  const write = useConfigWrite();
  const id = useId();

  const openDialog = () => {
    setName(category.name);
    setLevel(category.defaultLevel);
    setUrgency(category.defaultUrgency);
    setActive(category.active);
    write.clear();
    setOpen(true);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await write.send(`/api/case-config/categories/${category.id}`, "PATCH", {
      name,
      defaultLevel: level,
      defaultUrgency: urgency,
      active,
      expectedVersion: category.version,
    });
    if (ok) setOpen(false);
  };

  return (
    <>
      <button
        type="button"
        onClick={openDialog}
        className={`${buttonClass("small")} text-sky-700 ring-sky-200 hover:bg-sky-50`}
        data-testid="category-edit"
      >
        {text.actions.edit}
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={text.categories.editTitle(category.name)}
        testId="category-dialog"
      >
        <form onSubmit={submit} className="space-y-3">
          <Field label={text.categories.name} htmlFor={`${id}-name`}>
            <input
              id={`${id}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={40}
              required
              className={inputClass}
              data-testid="category-name"
            />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field label={text.categories.columns.level} htmlFor={`${id}-level`}>
              <select
                id={`${id}-level`}
                value={level}
                onChange={(e) => setLevel(e.target.value as typeof level)}
                className={inputClass}
                data-testid="category-level"
              >
                {CASE_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {caseLoop.levelLabels[l]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={text.categories.columns.urgency} htmlFor={`${id}-urgency`}>
              <select
                id={`${id}-urgency`}
                value={urgency}
                onChange={(e) => setUrgency(e.target.value as typeof urgency)}
                className={inputClass}
                data-testid="category-urgency"
              >
                {CASE_URGENCIES.map((u) => (
                  <option key={u} value={u}>
                    {cases.urgencies[u]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={active}
              onChange={(e) => setActive(e.target.checked)}
              className="accent-sky-600"
              data-testid="category-active"
            />
            {text.active}
          </label>
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
