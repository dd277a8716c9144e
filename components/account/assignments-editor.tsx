"use client";

import { useCallback } from "react";
import type { RegionOption } from "@/lib/account/dto";
import { ROLE_REGION_LEVEL, ROLES, type Role } from "@/lib/auth/roles";
import { t } from "@/lib/i18n";
import { RegionPicker } from "./region-picker";

const text = t.account.assignmentsEditor;

/** One row being edited: a role and the region picked for it (null until picked). */
export type AssignmentDraft = { key: number; role: Role; region: RegionOption | null };

let nextKey = 1;
export function newDraft(role: Role = "grid_worker", region: RegionOption | null = null): AssignmentDraft {
  nextKey += 1;
  return { key: nextKey, role, region };
}

/** The rows as the routes take them; rows without a region are sent as-is so the server names them. */
export function draftsToInput(drafts: readonly AssignmentDraft[]): { role: Role; regionId: number | null }[] {
  return drafts.map((d) => ({ role: d.role, regionId: d.region?.id ?? null }));
}

/** The first row without a region, as a message naming it (checked before sending). */
export function missingRegionMessage(drafts: readonly AssignmentDraft[]): string | null {
  if (drafts.length === 0) return t.account.errors.noAssignments;
  const index = drafts.findIndex((d) => !d.region);
  return index < 0 ? null : t.account.errors.regionRequiredRow(index + 1);
}

function levelHint(role: Role): string {
  const level = ROLE_REGION_LEVEL[role];
  return level === null ? text.anyLevel : text.levelHint(t.grid.levels[level]);
}

/** Rows of (role, region) with add and remove; the region picker offers regions at the role's level. */
export function AssignmentsEditor({
  value,
  onChange,
  testId,
}: {
  value: AssignmentDraft[];
  onChange: (next: AssignmentDraft[]) => void;
  testId: string;
}) {
  const update = useCallback(
    (key: number, patch: Partial<AssignmentDraft>) => onChange(value.map((d) => (d.key === key ? { ...d, ...patch } : d))),
    [value, onChange],
  );
  return (
    <fieldset className="space-y-2" data-testid={testId}>
      <legend className="text-sm font-medium text-slate-700">{text.legend}</legend>
      {value.map((d, index) => (
        <div key={d.key} className="grid grid-cols-[11rem_1fr_auto] items-start gap-2" data-testid="assignment-row">
          <label className="block">
            <span className="sr-only">
              {text.role} {index + 1}
            </span>
            <select
              value={d.role}
              onChange={(e) => {
                const role = e.target.value as Role;
                const level = ROLE_REGION_LEVEL[role];
                // Keep the picked region only if it still sits at the level the new role needs.
                update(d.key, { role, region: d.region && (level === null || d.region.level === level) ? d.region : null });
              }}
              className="block w-full rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30"
              data-testid="assignment-role"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.auth.roles[r]}
                </option>
              ))}
            </select>
          </label>
          <div>
            <RegionPicker
              value={d.region}
              role={d.role}
              label={`${text.region} ${index + 1}`}
              onChange={(region) => update(d.key, { region })}
              testId="assignment-region"
            />
            <p className="mt-0.5 text-xs text-slate-500">{levelHint(d.role)}</p>
          </div>
          <button
            type="button"
            onClick={() => onChange(value.filter((x) => x.key !== d.key))}
            disabled={value.length <= 1}
            aria-label={text.removeRow(index + 1)}
            className="rounded-lg px-2 py-2 text-sm text-rose-700 hover:bg-rose-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-rose-400 disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent"
            data-testid="assignment-remove"
          >
            {text.remove}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...value, newDraft()])}
        className="rounded-lg px-2 py-1 text-sm text-sky-700 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        data-testid="assignment-add"
      >
        + {text.add}
      </button>
    </fieldset>
  );
}
