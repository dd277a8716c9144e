"use client";

import { useId, useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import { CASE_LEVELS } from "@/lib/case/case-states";
import type { EscalationRuleDto } from "@/lib/case-config/dto";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormButtons, WriteError } from "./ui";
import { useConfigWrite } from "./use-config-write";

const text = caseDesk.config;
const esc = text.escalation;

/** 编辑 one level's escalation rule: rise automatically on red, and where the red warning goes (this level or above). */
export function EscalationEdit({ rule }: { rule: EscalationRuleDto }) {
  const [open, setOpen] = useState(false);
  const [autoOnRed, setAutoOnRed] = useState(rule.autoOnRed);
  const [notifyLevel, setNotifyLevel] = useState(rule.notifyLevel);
  const write = useConfigWrite();
  const id = useId();
  const rank = CASE_LEVELS.indexOf(rule.level);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      await write.send(`/api/case-config/escalation-rules/${rule.level}`, "PATCH", {
        autoOnRed,
        notifyLevel,
        expectedVersion: rule.version,
      })
    )
      setOpen(false);
  };
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setAutoOnRed(rule.autoOnRed);
          setNotifyLevel(rule.notifyLevel);
          write.clear();
          setOpen(true);
        }}
        className={`${buttonClass("small")} text-sky-700 ring-sky-200 hover:bg-sky-50`}
        data-testid="escalation-edit"
      >
        {text.actions.edit}
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={esc.editTitle(caseLoop.levelLabels[rule.level])}
        testId="escalation-dialog"
      >
        <form onSubmit={submit} className="space-y-3">
          <p className="text-sm text-slate-500">{rule.motto}</p>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={autoOnRed}
              disabled={rule.level === "district"}
              onChange={(e) => setAutoOnRed(e.target.checked)}
              className="accent-sky-600"
              data-testid="escalation-auto"
            />
            {esc.auto}
          </label>
          <Field label={esc.notify} htmlFor={`${id}-notify`}>
            <select
              id={`${id}-notify`}
              value={notifyLevel}
              onChange={(e) => setNotifyLevel(e.target.value as typeof notifyLevel)}
              className={inputClass}
              data-testid="escalation-notify"
            >
              {CASE_LEVELS.filter((l) => CASE_LEVELS.indexOf(l) >= rank).map((l) => (
                <option key={l} value={l}>
                  {caseLoop.levelLabels[l]}
                </option>
              ))}
            </select>
          </Field>
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
