import { t } from "@/lib/i18n";
import { REGION_ACTIVE_ZOOMS } from "@/tiles/style";
import { REGION_SOURCES } from "./map-engine";

/** The grid level that answers a click at this zoom (the style shows exactly one level's fill). */
export function activeLevelAt(zoom: number): number {
  for (let level = REGION_SOURCES.length - 1; level >= 0; level--) {
    if (zoom >= REGION_ACTIVE_ZOOMS[REGION_SOURCES[level]].from) return level;
  }
  return 0;
}

/** Shows which level the map is on (区 → 网格) and the zoom, so a user knows what a click will pick. */
export function LevelIndicator({ zoom }: { zoom: number }) {
  const active = activeLevelAt(zoom);
  return (
    <section
      className="pointer-events-auto rounded-xl bg-white/95 px-3 py-2 shadow-lg ring-1 ring-slate-900/10 backdrop-blur"
      aria-label={t.map.levelIndicator}
      data-testid="level-indicator"
      data-level={active}
    >
      <div className="flex items-baseline justify-between gap-3">
        <span className="text-xs font-semibold text-slate-500">{t.map.levelIndicator}</span>
        <span className="font-mono text-[11px] text-slate-400" title={t.map.zoomLabel}>
          z{zoom.toFixed(1)}
        </span>
      </div>
      <ol className="mt-1.5 flex items-center gap-1">
        {t.grid.levels.map((name, level) => (
          <li
            key={name}
            className={`rounded-md px-2 py-0.5 text-xs ${level === active ? "bg-sky-600 font-semibold text-white" : level < active ? "bg-slate-100 text-slate-500" : "text-slate-300"}`}
            aria-current={level === active ? "step" : undefined}
          >
            {name}
          </li>
        ))}
      </ol>
    </section>
  );
}
