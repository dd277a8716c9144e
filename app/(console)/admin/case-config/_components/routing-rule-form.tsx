"use client";

import { useId, useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { CategoryConfigDto, RegionOptionDto, RoutingRuleDto, UnitOptionDto } from "@/lib/case-config/dto";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormButtons, WriteError } from "./ui";
import { useConfigWrite } from "./use-config-write";

const text = caseDesk.config;
const r = text.routing;

export type RoutingChoices = { categories: CategoryConfigDto[]; regions: RegionOptionDto[]; units: UnitOptionDto[] };

/**
 * The add / edit dialog of a routing rule: category, region (district, streets, communities of the
 * configurer's area), lead unit, co-units (the departments, and any unit the rule already names) and the
 * auto-dispatch flag. `rule` absent = a new rule.
 */
export function RoutingRuleButton({ choices, rule }: { choices: RoutingChoices; rule?: RoutingRuleDto }) {
  const [open, setOpen] = useState(false);
  const [categoryId, setCategoryId] = useState<string>(rule ? String(rule.categoryId) : "");
  const [regionId, setRegionId] = useState<string>(rule ? String(rule.regionId) : String(choices.regions[0]?.id ?? ""));
  const [leadUnitId, setLeadUnitId] = useState<string>(rule ? String(rule.leadUnitId) : "");
  const [coUnitIds, setCoUnitIds] = useState<number[]>(rule?.coUnitIds ?? []);
  const [autoDispatch, setAutoDispatch] = useState(rule?.autoDispatch ?? true);
  const write = useConfigWrite();
  const id = useId();

  const openDialog = () => {
    // Each dialog starts from the rule as the page shows it now (or empty for a new rule).
    setCategoryId(rule ? String(rule.categoryId) : "");
    setRegionId(rule ? String(rule.regionId) : String(choices.regions[0]?.id ?? ""));
    setLeadUnitId(rule ? String(rule.leadUnitId) : "");
    setCoUnitIds(rule?.coUnitIds ?? []);
    setAutoDispatch(rule?.autoDispatch ?? true);
    write.clear();
    setOpen(true);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      categoryId: Number(categoryId) || null,
      regionId: Number(regionId) || null,
      leadUnitId: Number(leadUnitId) || null,
      coUnitIds,
      autoDispatch,
    };
    const ok = rule
      ? await write.send(`/api/case-config/routing-rules/${rule.id}`, "PATCH", { ...body, expectedVersion: rule.version })
      : await write.send("/api/case-config/routing-rules", "POST", body);
    if (ok) setOpen(false);
  };

  const activeUnits = choices.units.filter((u) => u.active || u.id === rule?.leadUnitId);
  const byKind = Object.entries(text.unitKinds)
    .map(([kind, label]) => [label, activeUnits.filter((u) => u.kind === kind)] as const)
    .filter(([, list]) => list.length > 0);
  const coChoices = choices.units.filter((u) => (u.kind === "department" && u.active) || coUnitIds.includes(u.id));
  const regionGroups = [0, 1, 2]
    .map((level) => choices.regions.filter((g) => g.level === level))
    .filter((list) => list.length > 0);

  return (
    <>
      {rule ? (
        <button
          type="button"
          onClick={openDialog}
          className={`${buttonClass("small")} text-sky-700 ring-sky-200 hover:bg-sky-50`}
          data-testid="routing-edit"
        >
          {text.actions.edit}
        </button>
      ) : (
        <button type="button" onClick={openDialog} className={buttonClass("save")} data-testid="routing-add">
          + {text.actions.add}
        </button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} title={rule ? r.editTitle : r.addTitle} testId="routing-dialog">
        <form onSubmit={submit} className="space-y-3">
          <Field label={r.category} htmlFor={`${id}-category`}>
            <select
              id={`${id}-category`}
              value={categoryId}
              onChange={(e) => setCategoryId(e.target.value)}
              required
              className={inputClass}
              data-testid="routing-category"
            >
              <option value="">—</option>
              {choices.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {"\u3000".repeat(c.depth)}
                  {c.name}
                  {c.active ? "" : `（${text.inactive}）`}
                </option>
              ))}
            </select>
          </Field>
          <Field label={r.region} htmlFor={`${id}-region`}>
            <select
              id={`${id}-region`}
              value={regionId}
              onChange={(e) => setRegionId(e.target.value)}
              required
              className={inputClass}
              data-testid="routing-region"
            >
              {regionGroups.map((list) => (
                <optgroup key={list[0].level} label={list[0].levelName}>
                  {list.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                      {g.level === 2 && g.parentName ? `（${g.parentName}）` : ""}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <Field label={r.lead} htmlFor={`${id}-lead`}>
            <select
              id={`${id}-lead`}
              value={leadUnitId}
              onChange={(e) => setLeadUnitId(e.target.value)}
              required
              className={inputClass}
              data-testid="routing-lead"
            >
              <option value="">—</option>
              {byKind.map(([label, list]) => (
                <optgroup key={label} label={label}>
                  {list.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <fieldset>
            <legend className="text-xs font-medium text-slate-600">{r.co}</legend>
            <div
              className="mt-1 grid max-h-40 grid-cols-2 gap-x-4 gap-y-1 overflow-y-auto rounded-lg p-2 ring-1 ring-slate-200"
              data-testid="routing-co"
            >
              {coChoices.map((u) => (
                <label key={u.id} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={coUnitIds.includes(u.id)}
                    disabled={String(u.id) === leadUnitId}
                    onChange={(e) => setCoUnitIds((ids) => (e.target.checked ? [...ids, u.id] : ids.filter((x) => x !== u.id)))}
                    className="accent-sky-600"
                  />
                  {u.name}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={autoDispatch}
              onChange={(e) => setAutoDispatch(e.target.checked)}
              className="accent-sky-600"
              data-testid="routing-auto"
            />
            {r.auto}
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
