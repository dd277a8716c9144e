"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CaseDetailDto } from "@/lib/case/case-dto";
import type { CategoryNodeDto } from "@/lib/case/list-categories";
import type { Bounds } from "@/lib/grid/dto";
import type { DistrictView } from "@/lib/grid/get-district-bounds";
import type { PlaceHit } from "@/lib/search/search-places";
import { t } from "@/lib/i18n";
import { REGION_ACTIVE_ZOOMS } from "@/tiles/style";
import { SearchBox } from "../search/search-box";
import { TopBar } from "../ui/top-bar";
import { fetchJson } from "../ui/fetch-json";
import { CaseFilterBar } from "./case-filter-bar";
import type { CaseLayerStatus } from "./case-layers";
import { caseTileQueries, writeCaseMapState, type CaseMapState } from "./case-map-state";
import { CaseStatusLine } from "./case-status-line";
import { LevelIndicator } from "./level-indicator";
import { MapEngine, REGION_SOURCES, type MapEngineHandle, type MapSelection } from "./map-engine";
import { MapLegend } from "./map-legend";
import { SidePanel, type BuildingPanelData, type PanelState, type RegionPanelData } from "./side-panel";
import { ZoomControls } from "./zoom-controls";

export type InitialFocus = { kind: "region" | "building" | "case"; id: number } | null;

/** The case layers for a role with case.read: the category tree of the filter bar. */
export type CaseAccess = { categories: CategoryNodeDto[] };

const PANEL_INSET = 404;
/** A building fitted to the screen would fill it: stop at a street-level zoom. */
const BUILDING_MAX_ZOOM = 17.5;
/** Buildings are drawn from z14 (tiles/layers.ts): a building jumped to must be at least there. */
const BUILDING_MIN_ZOOM = 16;
/** A case jumped to (a link, /?case=12) is shown as a single point: at least z16. */
const CASE_MIN_ZOOM = 16;

/** An area is fitted no further out than the zoom where its level is drawn, highlighted and clickable. */
function minZoomOfLevel(level: number | undefined) {
  if (level === undefined) return undefined;
  const source = REGION_SOURCES[level];
  return source ? REGION_ACTIVE_ZOOMS[source].from + 0.05 : undefined;
}

type Target =
  | { kind: "region"; id: number; level?: number; bounds?: Bounds }
  | { kind: "building"; id: number; bounds?: Bounds }
  | { kind: "case"; id: number };

const DETAIL_URL = { region: "/api/regions/", building: "/api/buildings/", case: "/api/cases/" } as const;

const SELECTION_PARAMS = ["region", "building", "case"] as const;

/** Rewrites the page URL in place (no history entry); the selection and the case settings each edit their own parameters. */
function replaceUrl(edit: (params: URLSearchParams) => void) {
  const params = new URLSearchParams(window.location.search);
  edit(params);
  const query = params.toString();
  const url = query ? `/?${query}` : "/";
  if (window.location.pathname + window.location.search !== url) window.history.replaceState(null, "", url);
}

/** The selected place or case in the URL (?region=, ?building=, ?case=), the other parameters kept. */
function writeUrl(target: Target | null) {
  replaceUrl((params) => {
    for (const key of SELECTION_PARAMS) params.delete(key);
    if (target) params.set(target.kind, String(target.id));
  });
}

type Props = {
  district: DistrictView;
  initialFocus: InitialFocus;
  caseAccess: CaseAccess | null;
  initialCaseState: CaseMapState;
  initialFences?: boolean;
};

/**
 * The console's home: the district map with search, the level indicator, legend, zoom controls and the
 * side panel, and for roles with case.read the case bar (事件 / 热力 layers and their filters). Selection
 * and the case settings live here and in the URL, so a link or the back button restores them.
 */
export function ConsoleMap({ district, initialFocus, caseAccess, initialCaseState, initialFences = false }: Props) {
  const engine = useRef<MapEngineHandle>(null);
  const [selection, setSelection] = useState<MapSelection>(null);
  const [panel, setPanel] = useState<PanelState | null>(null);
  const [zoom, setZoom] = useState(10);
  const [caseState, setCaseState] = useState(initialCaseState);
  const [caseStatus, setCaseStatus] = useState<CaseLayerStatus | null>(null);
  // The attendance fences (考勤围栏), off by default: a toggle on the map, kept in the URL as ?fences=1.
  const [showFences, setShowFences] = useState(initialFences);
  const fences = useMemo(() => (showFences ? { visible: true } : null), [showFences]);
  const loadController = useRef<AbortController | null>(null);
  const lastTarget = useRef<{ target: Target; fly: boolean } | null>(null);

  const caseLayers = useMemo(() => {
    if (!caseAccess) return null;
    const queries = caseTileQueries(caseState);
    return {
      visible: caseState.cases,
      heat: caseState.heat,
      color: caseState.color,
      casesQuery: queries.cases,
      heatQuery: queries.heat,
    };
  }, [caseAccess, caseState]);

  const changeCaseState = (next: CaseMapState) => {
    setCaseState(next);
    replaceUrl((params) => writeCaseMapState(next, params));
  };

  /** Selects an area or a building; with `fly`, the map moves to it (from search, panel links, URLs). */
  const open = useCallback((target: Target, fly: boolean) => {
    lastTarget.current = { target, fly };
    loadController.current?.abort();
    const controller = new AbortController();
    loadController.current = controller;
    writeUrl(target);
    if (target.kind === "building" || target.kind === "case") setSelection({ kind: target.kind, id: target.id });
    else if (target.level !== undefined) setSelection({ kind: "region", id: target.id, level: target.level });
    const fitTo = (bounds: Bounds, level: number | undefined) =>
      engine.current?.fitBounds(
        bounds,
        target.kind === "building"
          ? { maxZoom: BUILDING_MAX_ZOOM, minZoom: BUILDING_MIN_ZOOM, rightInset: PANEL_INSET }
          : { minZoom: minZoomOfLevel(level), rightInset: PANEL_INSET },
      );
    if (fly && target.kind !== "case" && target.bounds) fitTo(target.bounds, target.kind === "region" ? target.level : undefined);
    else if (fly) engine.current?.expectMove();
    setPanel({ status: "loading", kind: target.kind });

    fetchJson<RegionPanelData | BuildingPanelData | CaseDetailDto>(`${DETAIL_URL[target.kind]}${target.id}`, controller.signal)
      .then((data) => {
        if (controller.signal.aborted) return;
        if ("events" in data) {
          setPanel({ status: "case", data });
          if (fly) engine.current?.flyToPoint([data.lon, data.lat], { minZoom: CASE_MIN_ZOOM, rightInset: PANEL_INSET });
        } else if ("region" in data) {
          setSelection({ kind: "region", id: data.region.id, level: data.region.level });
          setPanel({ status: "region", data });
          if (fly && !("bounds" in target && target.bounds)) fitTo(data.region.bounds, data.region.level);
        } else {
          setPanel({ status: "building", data });
          if (fly && !("bounds" in target && target.bounds)) fitTo(data.building.bounds, undefined);
        }
      })
      .catch((e: Error) => {
        if (!controller.signal.aborted) setPanel({ status: "error", message: e.message, kind: target.kind });
      })
      .finally(() => engine.current?.settle());
  }, []);

  const close = useCallback(() => {
    loadController.current?.abort();
    lastTarget.current = null;
    setSelection(null);
    setPanel(null);
    writeUrl(null);
  }, []);

  // A link such as /?building=12 (from the 楼盘表 page) opens with that place selected.
  useEffect(() => {
    if (!initialFocus) return;
    const frame = requestAnimationFrame(() => open(initialFocus, true));
    return () => cancelAnimationFrame(frame);
  }, [initialFocus, open]);

  // Esc closes the panel (the search box keeps its own Esc while its list is open).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA")) return;
      close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [close]);

  const onMapSelect = useCallback(
    (next: MapSelection) => {
      if (!next) close();
      else if (next.kind === "region") open({ kind: "region", id: next.id, level: next.level }, false);
      else open({ kind: next.kind, id: next.id }, false);
    },
    [open, close],
  );

  const onPick = (hit: PlaceHit) => {
    if (hit.kind === "region") open({ kind: "region", id: hit.id, level: hit.level, bounds: hit.bounds }, true);
    else if (hit.kind === "case") open({ kind: "case", id: hit.id }, true);
    else open({ kind: "building", id: hit.id, bounds: hit.bounds }, true);
  };

  return (
    <>
      <TopBar districtName={district.name}>
        <SearchBox onPick={onPick} />
      </TopBar>
      {caseAccess && <CaseFilterBar state={caseState} onChange={changeCaseState} categories={caseAccess.categories} />}
      <main className="relative min-h-0 flex-1 overflow-hidden bg-[#f4f5f2]" data-testid="console-map">
        <MapEngine
          ref={engine}
          initialBounds={district.bounds}
          selection={selection}
          rightInset={panel ? PANEL_INSET : 0}
          onSelect={onMapSelect}
          onZoom={setZoom}
          caseLayers={caseLayers}
          onCaseStatus={setCaseStatus}
          fences={fences}
        />
        <div className="pointer-events-none absolute top-3 left-3 z-10 flex flex-col items-start gap-2">
          <LevelIndicator zoom={zoom} />
          <ZoomControls
            onZoomIn={() => engine.current?.zoomBy(1)}
            onZoomOut={() => engine.current?.zoomBy(-1)}
            onReset={() => {
              close();
              engine.current?.fitBounds(district.bounds, { rightInset: 0 });
            }}
          />
          <button
            type="button"
            aria-pressed={showFences}
            title={t.attendancePoints.layer.toggleHint}
            className={`pointer-events-auto rounded-lg px-3 py-1.5 text-xs font-medium shadow ring-1 ring-slate-900/10 ${showFences ? "bg-emerald-600 text-white" : "bg-white/95 text-slate-700 hover:bg-white"}`}
            onClick={() => {
              const next = !showFences;
              setShowFences(next);
              replaceUrl((params) => (next ? params.set("fences", "1") : params.delete("fences")));
            }}
            data-testid="toggle-fences"
          >
            {t.attendancePoints.layer.toggle}
          </button>
        </div>
        <div className="pointer-events-none absolute bottom-3 left-3 z-10">
          <MapLegend caseLegend={caseAccess ? { cases: caseState.cases, heat: caseState.heat, color: caseState.color } : null} />
        </div>
        {caseLayers && (caseLayers.visible || caseLayers.heat) && (
          <CaseStatusLine status={caseStatus} cases={caseLayers.visible} heat={caseLayers.heat} />
        )}
        {panel ? (
          <SidePanel
            state={panel}
            onClose={close}
            onPickRegion={(r) => open({ kind: "region", id: r.id, level: r.level, bounds: r.bounds }, true)}
            onRetry={() => lastTarget.current && open(lastTarget.current.target, lastTarget.current.fly)}
          />
        ) : (
          <p
            className="pointer-events-none absolute top-3 right-3 z-10 rounded-lg bg-white/90 px-3 py-1.5 text-xs text-slate-500 shadow ring-1 ring-slate-900/10"
            data-testid="select-hint"
          >
            {t.map.selectHint}
          </p>
        )}
      </main>
    </>
  );
}
