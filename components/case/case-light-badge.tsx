import { cases } from "@/lib/i18n/zh-CN/case";
import type { Light } from "@/lib/case/traffic-light";

const STYLE: Record<Light, string> = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-300",
  yellow: "bg-amber-50 text-amber-800 ring-amber-300",
  red: "bg-red-50 text-red-700 ring-red-300",
};
const DOT: Record<Light, string> = { green: "bg-emerald-500", yellow: "bg-amber-400", red: "bg-red-600" };

/** The traffic light of an open case (绿灯正常、黄灯临期、红灯超期); nothing for a case whose clock is stopped. */
export function CaseLightBadge({ light }: { light: Light | null }) {
  if (!light) return <span className="text-xs text-slate-400">—</span>;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLE[light]}`}
      data-testid="case-light"
      data-light={light}
    >
      <span className={`h-2 w-2 rounded-full ${DOT[light]}`} aria-hidden />
      {cases.lightShort[light]}
    </span>
  );
}
