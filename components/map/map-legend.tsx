import { t } from "@/lib/i18n";
import { cases as caseText } from "@/lib/i18n/zh-CN/case";
import {
  CASE_CLOSED_COLOR,
  CASE_GROUP_COLORS,
  CASE_LIGHT_COLORS,
  COMPONENT_COLORS,
  ORGANIZATION_COLORS,
  REGION_COLORS,
  type CaseColorMode,
} from "@/tiles/style";
import { HEAT_COLOR_RANGE } from "./case-heat";
import { REGION_SOURCES } from "./map-engine";

export type CaseLegend = { cases: boolean; heat: boolean; color: CaseColorMode };

/**
 * The legend: one line style per grid level (colours from the map style), buildings, hover and selection;
 * with the case layers on, their colours (by light or by category group, as switched), the cells and the
 * heat ramp.
 */
export function MapLegend({ caseLegend = null }: { caseLegend?: CaseLegend | null }) {
  return (
    <section
      className="pointer-events-auto rounded-xl bg-white/95 px-3 py-2.5 text-xs shadow-lg ring-1 ring-slate-900/10 backdrop-blur"
      aria-label={t.map.legend}
      data-testid="map-legend"
    >
      <h2 className="mb-1.5 font-semibold text-slate-500">{t.map.legend}</h2>
      <ul className="space-y-1">
        {REGION_SOURCES.map((source, level) => {
          const c = REGION_COLORS[source];
          return (
            <li key={source} className="flex items-center gap-2 text-slate-700">
              <svg width="26" height="10" aria-hidden="true">
                <rect
                  x="1"
                  y="1"
                  width="24"
                  height="8"
                  rx="1.5"
                  fill={c.fill}
                  stroke={c.line}
                  strokeWidth={Math.min(2.5, c.width)}
                  strokeDasharray={source === "xiaoqu" ? "3 2" : undefined}
                />
              </svg>
              {t.grid.levelGridNames[level]}
            </li>
          );
        })}
        <li className="flex items-center gap-2 text-slate-700">
          <svg width="26" height="10" aria-hidden="true">
            <rect x="7" y="1" width="12" height="8" rx="1" fill="#e4e1dc" stroke="#9a948c" />
          </svg>
          {t.map.legendBuilding}
        </li>
        <li className="flex items-center gap-2 text-slate-700">
          <svg width="26" height="10" aria-hidden="true">
            <rect x="1" y="1" width="24" height="8" rx="1.5" fill="#f59e0b" fillOpacity="0.35" stroke="#dc2626" strokeWidth="2" />
          </svg>
          {t.map.legendSelected}
        </li>
        <li className="flex items-center gap-2 text-slate-700">
          <Dots colors={Object.values(ORGANIZATION_COLORS)} />
          {t.map.legendOrganization}
        </li>
        <li className="flex items-center gap-2 text-slate-700">
          <Dots colors={Object.values(COMPONENT_COLORS)} />
          {t.map.legendComponent}
        </li>
      </ul>
      {caseLegend && (caseLegend.cases || caseLegend.heat) && <CaseLegendSection legend={caseLegend} />}
    </section>
  );
}

function CaseLegendSection({ legend }: { legend: CaseLegend }) {
  const text = t.caseMap;
  const entries: [string, string][] =
    legend.color === "light"
      ? [
          [CASE_LIGHT_COLORS.red, caseText.lights.red],
          [CASE_LIGHT_COLORS.yellow, caseText.lights.yellow],
          [CASE_LIGHT_COLORS.green, caseText.lights.green],
          [CASE_CLOSED_COLOR, text.closedLight],
        ]
      : (Object.entries(CASE_GROUP_COLORS) as [keyof typeof CASE_GROUP_COLORS, string][]).map(([group, colour]) => [
          colour,
          text.groups[group],
        ]);
  return (
    <div className="mt-2 border-t border-slate-100 pt-2" data-testid="case-legend" data-color={legend.color}>
      <h3 className="mb-1 font-semibold text-slate-500">{text.legend}</h3>
      {legend.cases && (
        <ul className="space-y-1">
          {entries.map(([colour, label]) => (
            <li key={label} className="flex items-center gap-2 text-slate-700">
              <svg width="26" height="10" aria-hidden="true">
                <circle cx="13" cy="5" r="4" fill={colour} stroke="#fff" strokeWidth="1" />
              </svg>
              {label}
            </li>
          ))}
          <li className="flex items-center gap-2 text-slate-700">
            <svg width="26" height="16" aria-hidden="true">
              <circle cx="13" cy="8" r="7.5" fill={CASE_LIGHT_COLORS.red} fillOpacity="0.85" stroke="#fff" strokeWidth="1.2" />
              <text x="13" y="11" textAnchor="middle" fontSize="8" fill="#fff">
                12
              </text>
            </svg>
            <span className="max-w-[11rem] leading-tight">{text.legendCluster}</span>
          </li>
        </ul>
      )}
      {legend.heat && (
        <div className="mt-1.5" data-testid="heat-legend">
          <div
            className="h-2 w-40 rounded-full"
            style={{ background: `linear-gradient(to right, ${HEAT_COLOR_RANGE.map((c) => `rgb(${c.join(",")})`).join(", ")})` }}
            aria-hidden
          />
          <p className="mt-0.5 text-slate-600">{text.legendHeat}</p>
          <p className="text-[10px] text-slate-400">{text.heatIgnores}</p>
        </div>
      )}
    </div>
  );
}

function Dots({ colors }: { colors: string[] }) {
  return (
    <svg width="26" height="10" aria-hidden="true">
      {colors.slice(0, 4).map((c, i) => (
        <circle key={c} cx={4 + i * 6} cy="5" r="2.6" fill={c} stroke="#fff" strokeWidth="0.8" />
      ))}
    </svg>
  );
}
