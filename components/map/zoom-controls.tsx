import { t } from "@/lib/i18n";

/** Zoom in / out / back to the whole district. Buttons, so Tab and Enter work. */
export function ZoomControls({
  onZoomIn,
  onZoomOut,
  onReset,
}: {
  onZoomIn: () => void;
  onZoomOut: () => void;
  onReset: () => void;
}) {
  const button =
    "grid h-9 w-9 place-items-center text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500";
  return (
    <div
      className="pointer-events-auto flex flex-col overflow-hidden rounded-xl bg-white/95 shadow-lg ring-1 ring-slate-900/10"
      data-testid="zoom-controls"
    >
      <button
        type="button"
        className={button}
        onClick={onZoomIn}
        aria-label={t.map.zoomIn}
        title={t.map.zoomIn}
        data-testid="zoom-in"
      >
        <svg viewBox="0 0 20 20" className="h-4 w-4" aria-hidden="true">
          <path d="M10 4v12M4 10h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <button
        type="button"
        className={`${button} border-t border-slate-200`}
        onClick={onZoomOut}
        aria-label={t.map.zoomOut}
        title={t.map.zoomOut}
        data-testid="zoom-out"
      >
        <svg viewBox="0 0 20 20" className="h-4 w-4" aria-hidden="true">
          <path d="M4 10h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <button
        type="button"
        className={`${button} border-t border-slate-200`}
        onClick={onReset}
        aria-label={t.map.resetView}
        title={t.map.resetView}
        data-testid="zoom-reset"
      >
        <svg viewBox="0 0 20 20" className="h-4 w-4" aria-hidden="true">
          <rect x="3.5" y="3.5" width="13" height="13" rx="2" stroke="currentColor" strokeWidth="1.7" fill="none" />
          <path d="M3.5 10h13M10 3.5v13" stroke="currentColor" strokeWidth="1.2" />
        </svg>
      </button>
    </div>
  );
}
