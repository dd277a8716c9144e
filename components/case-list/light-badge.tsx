import type { Light } from "@/lib/case/traffic-light";
import { cases } from "@/lib/i18n/zh-CN/case";

const STYLE: Record<Light, { dot: string; chip: string }> = {
  green: { dot: "bg-emerald-500", chip: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  yellow: { dot: "bg-amber-400", chip: "bg-amber-50 text-amber-900 ring-amber-300" },
  red: { dot: "bg-red-600", chip: "bg-red-50 text-red-800 ring-red-200" },
};

/** The traffic light of an open case: a coloured dot with its word (colour is never the only signal). */
export function LightBadge({ light, none = "—" }: { light: Light | null; none?: string }) {
  if (!light) return <span className="text-slate-400">{none}</span>;
  const s = STYLE[light];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${s.chip}`}
      title={cases.lights[light]}
      data-light={light}
    >
      <span className={`h-2 w-2 rounded-full ${s.dot}`} aria-hidden="true" />
      {cases.lightShort[light]}
    </span>
  );
}
