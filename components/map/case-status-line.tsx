import { t } from "@/lib/i18n";
import type { CaseLayerStatus } from "./case-layers";

/**
 * One line at the bottom of the map about the case layers: loading while their tiles come in, and a clear
 * empty state when the view holds no case (or no heat) for the filters — so an empty map never looks broken.
 */
export function CaseStatusLine({ status, cases, heat }: { status: CaseLayerStatus | null; cases: boolean; heat: boolean }) {
  const text = t.caseMap;
  let message: string | null = null;
  let tone = "bg-white/95 text-slate-600 ring-slate-900/10";
  if (!status || status.loading) message = text.loading;
  else if (cases && status.cases === 0) message = text.noCases;
  else if (!cases && heat && status.heatCells === 0) message = text.noHeat;
  if (message && status && !status.loading) tone = "bg-amber-50/95 text-amber-800 ring-amber-200";
  if (!message) return null;
  return (
    <p
      className={`pointer-events-none absolute bottom-4 left-1/2 z-10 -translate-x-1/2 rounded-full px-4 py-1.5 text-xs shadow ring-1 ${tone}`}
      role="status"
      data-testid="case-status"
      data-state={!status || status.loading ? "loading" : "empty"}
    >
      {message}
    </p>
  );
}
