"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { CASE_STATES } from "@/lib/case/case-states";
import { SATISFACTION_LEVELS } from "@/lib/case/ratings";
import { DEFAULT_FAIRLY_WEIGHT } from "@/lib/case/rates";
import type { SettingDto } from "@/lib/case-config/dto";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { WriteError } from "./ui";
import { useConfigWrite } from "./use-config-write";
import { WorkingHoursForm } from "./calendar-forms";

const text = caseDesk.config;
const st = text.settings;

/** A card per setting: its name, what it does, its own small form and its own save (one version each). */
function SettingCard({
  setting,
  children,
  onSubmit,
  busy,
  error,
  stale,
  onRefresh,
}: {
  setting: SettingDto;
  children: ReactNode;
  onSubmit: () => void;
  busy: boolean;
  error: string | null;
  stale: boolean;
  onRefresh: () => void;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form
      onSubmit={submit}
      className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid={`setting-${setting.key}`}
    >
      <div className="flex items-baseline justify-between gap-3">
        <h3 className="text-sm font-semibold text-slate-800">{st.names[setting.key] ?? setting.key}</h3>
        <span className="text-[11px] text-slate-400">{text.version(setting.version)}</span>
      </div>
      <p className="mt-1 text-xs text-slate-500">{st.hints[setting.key]}</p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        {children}
        <button type="submit" disabled={busy} className={buttonClass("save")} data-testid={`setting-${setting.key}-save`}>
          {busy ? text.actions.saving : text.actions.save}
        </button>
      </div>
      <div className="mt-2">
        <WriteError error={error} stale={stale} onRefresh={onRefresh} />
      </div>
    </form>
  );
}

function useSettingWrite(setting: SettingDto) {
  const write = useConfigWrite();
  const save = (value: unknown) =>
    void write.send(`/api/case-config/settings/${setting.key}`, "PATCH", { value, expectedVersion: setting.version });
  return { write, save, card: { setting, busy: write.busy, error: write.error, stale: write.stale, onRefresh: write.refresh } };
}

/** A share (yellow, early, reminder) typed as a percentage and stored as a fraction. */
export function ShareSetting({ setting }: { setting: SettingDto }) {
  const [percent, setPercent] = useState(String(Math.round(Number(setting.value) * 1000) / 10));
  const { save, card } = useSettingWrite(setting);
  const id = useId();
  return (
    <SettingCard {...card} onSubmit={() => save(Math.round(Number(percent) * 10) / 1000)}>
      <Field label={st.percent} htmlFor={id}>
        <input
          id={id}
          type="number"
          min={1}
          max={99}
          step={0.1}
          required
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
          className={`${inputClass} w-28`}
          data-testid={`setting-${setting.key}-input`}
        />
      </Field>
    </SettingCard>
  );
}

export function RiskBandsSetting({ setting }: { setting: SettingDto }) {
  const v = (setting.value ?? {}) as { importantFrom?: number; majorFrom?: number };
  const [important, setImportant] = useState(String(v.importantFrom ?? ""));
  const [major, setMajor] = useState(String(v.majorFrom ?? ""));
  const { save, card } = useSettingWrite(setting);
  const id = useId();
  return (
    <SettingCard {...card} onSubmit={() => save({ importantFrom: Number(important), majorFrom: Number(major) })}>
      <Field label={st.importantFrom} htmlFor={`${id}-i`}>
        <input
          id={`${id}-i`}
          type="number"
          min={1}
          step="any"
          required
          value={important}
          onChange={(e) => setImportant(e.target.value)}
          className={`${inputClass} w-32`}
          data-testid="setting-risk-important"
        />
      </Field>
      <Field label={st.majorFrom} htmlFor={`${id}-m`}>
        <input
          id={`${id}-m`}
          type="number"
          min={1}
          step="any"
          required
          value={major}
          onChange={(e) => setMajor(e.target.value)}
          className={`${inputClass} w-32`}
          data-testid="setting-risk-major"
        />
      </Field>
    </SettingCard>
  );
}

export function DuplicateWindowSetting({ setting }: { setting: SettingDto }) {
  const v = (setting.value ?? {}) as { meters?: number; hours?: number };
  const [meters, setMeters] = useState(String(v.meters ?? ""));
  const [hours, setHours] = useState(String(v.hours ?? ""));
  const { save, card } = useSettingWrite(setting);
  const id = useId();
  return (
    <SettingCard {...card} onSubmit={() => save({ meters: Number(meters), hours: Number(hours) })}>
      <Field label={st.meters} htmlFor={`${id}-m`}>
        <input
          id={`${id}-m`}
          type="number"
          min={10}
          max={5000}
          step={1}
          required
          value={meters}
          onChange={(e) => setMeters(e.target.value)}
          className={`${inputClass} w-28`}
        />
      </Field>
      <Field label={st.hours} htmlFor={`${id}-h`}>
        <input
          id={`${id}-h`}
          type="number"
          min={1}
          max={720}
          step={1}
          required
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          className={`${inputClass} w-28`}
        />
      </Field>
    </SettingCard>
  );
}

type RateLists = {
  closedStates: string[];
  excludedStates: string[];
  satisfiedLevels: string[];
  ratedLevels: string[];
};

/**
 * The rate formulas: four checkbox groups (states or return-visit levels) and the weight of 基本满意 in 满意率
 * (0–1; the server checks it again, lib/case/rates.ts RateFormulaSchema).
 */
export function RatesSetting({ setting }: { setting: SettingDto }) {
  const v = (setting.value ?? {}) as Partial<RateLists> & { fairlyWeight?: number };
  const [lists, setLists] = useState<RateLists>({
    closedStates: v.closedStates ?? [],
    excludedStates: v.excludedStates ?? ["cancelled"],
    satisfiedLevels: v.satisfiedLevels ?? [],
    ratedLevels: v.ratedLevels ?? [],
  });
  const [weight, setWeight] = useState(String(v.fairlyWeight ?? DEFAULT_FAIRLY_WEIGHT));
  const { save, card } = useSettingWrite(setting);
  const id = useId();
  const toggle = (key: keyof RateLists, value: string, on: boolean) =>
    setLists((l) => ({ ...l, [key]: on ? [...l[key], value] : l[key].filter((x) => x !== value) }));
  const group = (key: keyof RateLists, label: string, values: readonly string[], labels: Record<string, string>) => (
    <fieldset key={key} className="w-full">
      <legend className="text-xs font-medium text-slate-600">{label}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1" data-testid={`setting-rates-${key}`}>
        {values.map((s) => (
          <label key={s} className="flex items-center gap-1.5 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={lists[key].includes(s)}
              onChange={(e) => toggle(key, s, e.target.checked)}
              className="accent-sky-600"
            />
            {labels[s] ?? s}
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <SettingCard {...card} onSubmit={() => save({ ...lists, fairlyWeight: weight.trim() === "" ? null : Number(weight) })}>
      <div className="w-full space-y-3">
        {group("closedStates", st.closedStates, CASE_STATES, caseLoop.stateLabels)}
        {group("excludedStates", st.excludedStates, CASE_STATES, caseLoop.stateLabels)}
        {group("satisfiedLevels", st.satisfiedLevels, SATISFACTION_LEVELS, caseLoop.satisfactionLabels)}
        {group("ratedLevels", st.ratedLevels, SATISFACTION_LEVELS, caseLoop.satisfactionLabels)}
        <div className="w-60">
          <Field label={st.fairlyWeight} htmlFor={`${id}-w`}>
            <input
              id={`${id}-w`}
              type="number"
              min={0}
              max={1}
              step="any"
              required
              value={weight}
              onChange={(e) => setWeight(e.target.value)}
              className={`${inputClass} w-28`}
              data-testid="setting-rates-fairlyWeight"
            />
          </Field>
        </div>
      </div>
    </SettingCard>
  );
}

/** The right form for a setting key. */
export function SettingForm({ setting }: { setting: SettingDto }) {
  switch (setting.key) {
    case "yellow_share":
    case "early_share":
    case "reminder_share":
      return <ShareSetting setting={setting} />;
    case "risk_bands":
      return <RiskBandsSetting setting={setting} />;
    case "duplicate_window":
      return <DuplicateWindowSetting setting={setting} />;
    case "rates":
      return <RatesSetting setting={setting} />;
    case "working_hours":
      return <WorkingHoursForm setting={setting} />;
    default:
      return null;
  }
}
