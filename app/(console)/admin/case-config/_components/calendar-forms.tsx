"use client";

import { useId, useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { CalendarDayDto, SettingDto } from "@/lib/case-config/dto";
import { formatWorkingHours, parseWorkingHours } from "@/lib/case-config/working-hours";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { calendarDayFields, calendarDayKindOf, type CalendarDayKind } from "@/lib/case-config/calendar-day-kind";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormButtons, WriteError } from "./ui";
import { useConfigWrite } from "./use-config-write";

const text = caseDesk.config;
const cal = text.calendar;

function DayKindOptions() {
  return (
    <>
      <option value="statutory">{cal.dayKinds.statutory}</option>
      <option value="holiday">{cal.dayKinds.holiday}</option>
      <option value="workday">{cal.dayKinds.workday}</option>
    </>
  );
}

/** 新增 a calendar day: date, kind, name, in one row above the table. */
export function AddCalendarDay({ year }: { year: number }) {
  const [day, setDay] = useState("");
  const [kind, setKind] = useState<CalendarDayKind>("statutory");
  const [name, setName] = useState("");
  const write = useConfigWrite();
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await write.send("/api/case-config/calendar-days", "POST", { day, ...calendarDayFields(kind), name })) {
      setDay("");
      setName("");
    }
  };
  return (
    <form onSubmit={submit} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="calendar-add">
      <h3 className="text-sm font-semibold text-slate-800">{cal.addTitle}</h3>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <Field label={cal.day} htmlFor={`${id}-day`}>
          <input
            id={`${id}-day`}
            type="date"
            required
            value={day}
            min={`${year}-01-01`}
            max={`${year + 1}-12-31`}
            onChange={(e) => setDay(e.target.value)}
            className={inputClass}
            data-testid="calendar-add-day"
          />
        </Field>
        <Field label={cal.kind} htmlFor={`${id}-kind`}>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => setKind(e.target.value as CalendarDayKind)}
            className={inputClass}
            data-testid="calendar-add-kind"
          >
            <DayKindOptions />
          </select>
        </Field>
        <Field label={cal.name} htmlFor={`${id}-name`}>
          <input
            id={`${id}-name`}
            required
            maxLength={20}
            value={name}
            placeholder={cal.namePlaceholder}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
            data-testid="calendar-add-name"
          />
        </Field>
        <button type="submit" disabled={write.busy} className={buttonClass("save")} data-testid="calendar-add-submit">
          {write.busy ? text.actions.saving : `+ ${text.actions.add}`}
        </button>
      </div>
      <div className="mt-2">
        <WriteError error={write.error} stale={write.stale} onRefresh={write.refresh} />
      </div>
    </form>
  );
}

/** 编辑 a calendar day's kind and name (the date is the key: move a day by deleting and adding). */
export function EditCalendarDay({ entry }: { entry: CalendarDayDto }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<CalendarDayKind>(calendarDayKindOf(entry));
  const [name, setName] = useState(entry.name);
  const write = useConfigWrite();
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      await write.send(`/api/case-config/calendar-days/${entry.day}`, "PATCH", {
        ...calendarDayFields(kind),
        name,
        expectedVersion: entry.version,
      })
    )
      setOpen(false);
  };
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setKind(calendarDayKindOf(entry));
          setName(entry.name);
          write.clear();
          setOpen(true);
        }}
        className={`${buttonClass("small")} text-sky-700 ring-sky-200 hover:bg-sky-50`}
        data-testid="calendar-edit"
      >
        {text.actions.edit}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={cal.editTitle(entry.day)} testId="calendar-dialog">
        <form onSubmit={submit} className="space-y-3">
          <Field label={cal.kind} htmlFor={`${id}-kind`}>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(e) => setKind(e.target.value as CalendarDayKind)}
              className={inputClass}
              data-testid="calendar-edit-kind"
            >
              <DayKindOptions />
            </select>
          </Field>
          <Field label={cal.name} htmlFor={`${id}-name`}>
            <input
              id={`${id}-name`}
              required
              maxLength={20}
              value={name}
              onChange={(e) => setName(e.target.value)}
              className={inputClass}
            />
          </Field>
          <WriteError
            error={write.error}
            stale={write.stale}
            onRefresh={() => {
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

/** 工作时段: the working hours as typed text ("09:00-12:00, 13:30-17:30"), checked before it is sent. */
export function WorkingHoursForm({ setting }: { setting: SettingDto }) {
  const stored = Array.isArray(setting.value) ? (setting.value as number[][]) : [];
  const [value, setValue] = useState(formatWorkingHours(stored));
  const [local, setLocal] = useState<string | null>(null);
  const write = useConfigWrite();
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ranges = parseWorkingHours(value);
    if (!ranges) {
      setLocal(text.errors.workingHours);
      return;
    }
    setLocal(null);
    await write.send("/api/case-config/settings/working_hours", "PATCH", { value: ranges, expectedVersion: setting.version });
  };
  return (
    <form onSubmit={submit} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="working-hours">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={`${id}-hours`} className="text-sm font-semibold text-slate-800">
          {cal.workingHours}
        </label>
        <span className="text-[11px] text-slate-400">{text.version(setting.version)}</span>
      </div>
      <p className="mt-1 text-xs text-slate-500">{cal.workingHoursHint}</p>
      <div className="mt-3 flex gap-2">
        <input
          id={`${id}-hours`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className={`${inputClass} max-w-sm`}
          data-testid="working-hours-input"
        />
        <button type="submit" disabled={write.busy} className={buttonClass("save")} data-testid="working-hours-save">
          {write.busy ? text.actions.saving : text.actions.save}
        </button>
      </div>
      <div className="mt-2">
        {local && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
            {local}
          </p>
        )}
        <WriteError error={write.error} stale={write.stale} onRefresh={write.refresh} />
      </div>
    </form>
  );
}
