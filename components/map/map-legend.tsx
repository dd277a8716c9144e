import { t } from "@/lib/i18n";
import { COMPONENT_COLORS, ORGANIZATION_COLORS, REGION_COLORS } from "@/tiles/style";
import { REGION_SOURCES } from "./map-engine";

/** The legend: one line style per grid level (colours from the map style), buildings, hover and selection. */
export function MapLegend() {
  return (
    <section className="pointer-events-auto rounded-xl bg-white/95 px-3 py-2.5 text-xs shadow-lg ring-1 ring-slate-900/10 backdrop-blur" aria-label={t.map.legend} data-testid="map-legend">
      <h2 className="mb-1.5 font-semibold text-slate-500">{t.map.legend}</h2>
      <ul className="space-y-1">
        {REGION_SOURCES.map((source, level) => {
          const c = REGION_COLORS[source];
          return (
            <li key={source} className="flex items-center gap-2 text-slate-700">
              <svg width="26" height="10" aria-hidden="true">
                <rect x="1" y="1" width="24" height="8" rx="1.5" fill={c.fill} stroke={c.line} strokeWidth={Math.min(2.5, c.width)} strokeDasharray={source === "xiaoqu" ? "3 2" : undefined} />
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
    </section>
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
