"use client";

import { CASE_SOURCES, type CaseSource } from "@/lib/case/case-dto";
import { CASE_STATES } from "@/lib/case/case-states";
import type { CategoryNodeDto } from "@/lib/case/list-categories";
import { LIGHTS, type Light } from "@/lib/case/traffic-light";
import { t } from "@/lib/i18n";
import { cases as caseText } from "@/lib/i18n/zh-CN/case";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { CASE_LIGHT_COLORS } from "@/tiles/style";
import { hasCaseFilters, withoutCaseFilters, type CaseMapState, type StateChoice } from "./case-map-state";
import { TimeSlider } from "./time-slider";

const text = t.caseMap;

/** Category tree → options of one select, children indented under their parent ("dispute" includes its types). */
function categoryOptions(nodes: readonly CategoryNodeDto[], depth = 0): { id: number; label: string }[] {
  return nodes.flatMap((n) => [
    { id: n.id, label: `${"\u3000".repeat(depth)}${n.name}` },
    ...categoryOptions(n.children, depth + 1),
  ]);
}

const SELECT =
  "rounded-md border-0 bg-white py-1 pr-7 pl-2 text-xs text-slate-800 ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500";

function Toggle({
  pressed,
  onClick,
  label,
  hint,
  testId,
}: {
  pressed: boolean;
  onClick: () => void;
  label: string;
  hint: string;
  testId: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={pressed}
      title={hint}
      className={`flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-semibold ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${
        pressed ? "bg-sky-600 text-white ring-sky-600" : "bg-white text-slate-600 ring-slate-200 hover:bg-slate-50"
      }`}
      data-testid={testId}
    >
      <span className={`h-2 w-2 rounded-full ${pressed ? "bg-white" : "bg-slate-300"}`} aria-hidden />
      {label}
    </button>
  );
}

type Props = {
  state: CaseMapState;
  onChange: (next: CaseMapState) => void;
  categories: readonly CategoryNodeDto[];
};

/**
 * The case bar above the map: the 事件 and 热力 toggles, the colouring switch, and the filters (reporting
 * time with its slider, category, state, light, source). Every control is a native button, select or range
 * input, so Tab, arrows, Space and Enter work; the values live in the page URL (components/map/case-map-state.ts).
 */
export function CaseFilterBar({ state, onChange, categories }: Props) {
  const set = (patch: Partial<CaseMapState>) => onChange({ ...state, ...patch });
  const toggleLight = (light: Light) =>
    set({
      lights: state.lights.includes(light)
        ? state.lights.filter((l) => l !== light)
        : LIGHTS.filter((l) => l === light || state.lights.includes(l)),
    });

  return (
    <section
      className="relative z-20 space-y-1.5 border-b border-slate-200 bg-white/95 px-4 py-1.5 shadow-sm"
      aria-label={text.filters}
      data-testid="case-filter-bar"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5">
        <div className="flex items-center gap-2">
          <Toggle
            pressed={state.cases}
            onClick={() => set({ cases: !state.cases })}
            label={text.layerToggle}
            hint={text.layerToggleHint}
            testId="case-layer-toggle"
          />
          <Toggle
            pressed={state.heat}
            onClick={() => set({ heat: !state.heat })}
            label={text.heatToggle}
            hint={text.heatToggleHint}
            testId="case-heat-toggle"
          />
        </div>
        <div className="flex items-center gap-1.5" role="radiogroup" aria-label={text.colorBy}>
          <span className="text-xs font-medium text-slate-500">{text.colorBy}</span>
          <div className="flex overflow-hidden rounded-md ring-1 ring-slate-200">
            {(["light", "category"] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                role="radio"
                aria-checked={state.color === mode}
                onClick={() => set({ color: mode })}
                className={`px-2 py-1 text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 ${state.color === mode ? "bg-slate-800 text-white" : "bg-white text-slate-600 hover:bg-slate-50"}`}
                data-testid={`case-color-${mode}`}
              >
                {mode === "light" ? text.colorByLight : text.colorByCategory}
              </button>
            ))}
          </div>
        </div>
        <span className="h-5 w-px bg-slate-200" aria-hidden />
        <TimeSlider value={{ from: state.from, to: state.to }} onChange={(r) => set(r)} />
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5">
        <label className="flex items-center gap-1.5">
          <span className="text-xs font-medium text-slate-500">{text.category}</span>
          <select
            className={`${SELECT} max-w-[10rem]`}
            value={state.categoryId ?? ""}
            onChange={(e) => set({ categoryId: e.target.value ? Number(e.target.value) : null })}
            data-testid="case-filter-category"
          >
            <option value="">{text.categoryAll}</option>
            {categoryOptions(categories).map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1.5">
          <span className="text-xs font-medium text-slate-500">{text.state}</span>
          <select
            className={SELECT}
            value={state.state}
            onChange={(e) => set({ state: e.target.value as StateChoice })}
            data-testid="case-filter-state"
          >
            <option value="open">{text.stateGroups.open}</option>
            <option value="done">{text.stateGroups.done}</option>
            <option value="all">{text.stateGroups.all}</option>
            <optgroup label={text.state}>
              {CASE_STATES.map((s) => (
                <option key={s} value={s}>
                  {caseLoop.stateLabels[s]}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <div className="flex items-center gap-1.5" role="group" aria-label={text.light}>
          <span className="text-xs font-medium text-slate-500">{text.light}</span>
          {LIGHTS.map((light) => {
            const on = state.lights.includes(light);
            return (
              <button
                key={light}
                type="button"
                aria-pressed={on}
                onClick={() => toggleLight(light)}
                title={caseText.lights[light]}
                className={`flex items-center gap-1 rounded-full px-2 py-0.5 text-xs ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${on ? "bg-slate-800 text-white ring-slate-800" : "bg-white text-slate-600 ring-slate-200 hover:bg-slate-50"}`}
                data-testid={`case-filter-light-${light}`}
              >
                <span
                  className="h-2.5 w-2.5 rounded-full ring-1 ring-white"
                  style={{ background: CASE_LIGHT_COLORS[light] }}
                  aria-hidden
                />
                {caseText.lightShort[light]}
              </button>
            );
          })}
        </div>
        <label className="flex items-center gap-1.5">
          <span className="text-xs font-medium text-slate-500">{text.source}</span>
          <select
            className={`${SELECT} max-w-[8rem]`}
            value={state.source ?? ""}
            onChange={(e) => set({ source: (e.target.value || null) as CaseSource | null })}
            data-testid="case-filter-source"
          >
            <option value="">{text.sourceAll}</option>
            {CASE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {text.sources[s]}
              </option>
            ))}
          </select>
        </label>
        {hasCaseFilters(state) && (
          <button
            type="button"
            onClick={() => onChange(withoutCaseFilters(state))}
            className="rounded-md px-2 py-1 text-xs text-sky-700 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
            data-testid="case-filter-reset"
          >
            {text.resetFilters}
          </button>
        )}
      </div>
    </section>
  );
}
