"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AttendancePointDetailDto, AttendancePointMemberDto } from "@/lib/attendance/points/point-dto";
import type { Bounds } from "@/lib/grid/dto";
import { t } from "@/lib/i18n";
import { sendJson } from "../account/send-json";
import { MapEngine } from "../map/map-engine";
import { ZoomControls } from "../map/zoom-controls";
import { buttonClass } from "../ui/button";
import { fetchJson } from "../ui/fetch-json";
import { Field, inputClass } from "../ui/field";
import { attachFenceDraw, type DrawMode, type FenceDrawTool } from "./fence-draw";
import { fenceAnchor, fenceInput, selfIntersects, type DrawnFence } from "./fence-geometry";
import { MemberPicker } from "./member-picker";
import type { MapEngineHandle } from "../map/map-engine";

const text = t.attendancePoints;
type RegionChoice = { id: number; name: string; level: number };
type Check = { state: "idle" | "checking" | "ok" | "refused"; message: string };

function drawnFromPoint(p: AttendancePointDetailDto): DrawnFence {
  const ring = p.polygon.coordinates[0].slice(0, -1) as [number, number][];
  return p.shape === "circle" && p.center && p.radiusM
    ? { shape: "circle", center: p.center, radiusM: p.radiusM, ring }
    : { shape: "polygon", ring };
}

/** A fence's bounds widened threefold, so the editor opens with room around it. */
function around(b: Bounds): Bounds {
  const w = Math.max(b[2] - b[0], 0.002);
  const h = Math.max(b[3] - b[1], 0.002);
  return [b[0] - w, b[1] - h, b[2] + w, b[3] + h];
}

/**
 * The attendance point editor: the form (name, region, members) beside the one map engine with terra-draw
 * attached (components/attendance/fence-draw.ts). A finished drawing is checked at once in the browser (turf
 * kinks: a self-intersecting polygon is named right away) and by the server (PostGIS: the same rules as on
 * save); the save itself is the server's decision.
 */
export function PointEditor({ districtBounds, point }: { districtBounds: Bounds; point: AttendancePointDetailDto | null }) {
  const router = useRouter();
  const engine = useRef<MapEngineHandle>(null);
  const tool = useRef<FenceDrawTool | null>(null);
  const [name, setName] = useState(point?.name ?? "");
  const [regionId, setRegionId] = useState<number | null>(point?.regionId ?? null);
  const [regions, setRegions] = useState<RegionChoice[]>(
    point ? [{ id: point.regionId, name: point.regionName, level: point.regionLevel }] : [],
  );
  const [fence, setFence] = useState<DrawnFence | null>(point ? drawnFromPoint(point) : null);
  const [mode, setMode] = useState<DrawMode>("idle");
  const [members, setMembers] = useState<AttendancePointMemberDto[]>(point?.members ?? []);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(point?.version ?? 0);
  const [active, setActive] = useState(point?.active ?? true);
  const [radiusText, setRadiusText] = useState(point?.radiusM ? String(point.radiusM) : "");
  const kinks = fence?.shape === "polygon" && selfIntersects(fence.ring);

  const onMapReady = useCallback(
    (map: MapLibreMap) => {
      const attached = attachFenceDraw(map, {
        onFence: (next) => {
          setFence(next);
          setError(null);
          if (next?.shape === "circle") setRadiusText(String(Math.round(next.radiusM)));
        },
        onMode: setMode,
      });
      tool.current = attached;
      if (point) attached.load(drawnFromPoint(point));
      (window as unknown as { __gridatlasFenceDraw?: FenceDrawTool }).__gridatlasFenceDraw = attached;
      return () => {
        attached.detach();
        tool.current = null;
      };
    },
    [point],
  );

  // The regions at the fence: a new fence is filed under the deepest; the choice stays while it still holds the fence.
  const anchorKey = fence
    ? fenceAnchor(fence)
        .map((v) => v.toFixed(6))
        .join(",")
    : "";
  useEffect(() => {
    if (!anchorKey) return;
    const [lon, lat] = anchorKey.split(",");
    const controller = new AbortController();
    fetchJson<RegionChoice[]>(`/api/attendance/points/regions?lon=${lon}&lat=${lat}`, controller.signal)
      .then((found) => {
        if (found.length === 0) return;
        setRegions(found);
        setRegionId((current) =>
          current !== null && found.some((r) => r.id === current) ? current : found[found.length - 1].id,
        );
      })
      .catch(() => {});
    return () => controller.abort();
  }, [anchorKey]);

  // The server's verdict on the drawn fence (advice before saving; the save checks again), kept with the fence
  // it is about: a verdict on another fence is not shown.
  const fenceKey = fence ? JSON.stringify(fenceInput(fence)) : "";
  const checkKey = fence && regionId !== null && !kinks ? `${regionId}|${fenceKey}` : "";
  const [verdict, setVerdict] = useState<{ key: string; check: Check }>({ key: "", check: { state: "idle", message: "" } });
  useEffect(() => {
    if (!checkKey || !fence) return;
    let live = true;
    sendJson<{ areaM2: number; vertices: number }>("/api/attendance/points/check", "POST", { regionId, fence: fenceInput(fence) })
      .then(
        (r) =>
          live &&
          setVerdict({
            key: checkKey,
            check: { state: "ok", message: text.editor.checked(text.list.area(r.areaM2), r.vertices) },
          }),
      )
      .catch((e: Error) => live && setVerdict({ key: checkKey, check: { state: "refused", message: e.message } }));
    return () => {
      live = false;
    };
    // checkKey stands for the fence and the region
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checkKey]);
  const check: Check = !checkKey
    ? { state: "idle", message: "" }
    : verdict.key === checkKey
      ? verdict.check
      : { state: "checking", message: text.editor.checking };

  const save = async () => {
    setError(null);
    if (!fence) return setError(text.fence.errors.shapeRequired);
    setSaving(true);
    const body = {
      name,
      regionId,
      fence: fenceInput(fence),
      staffIds: members.filter((m) => m.kind === "staff").map((m) => m.id),
      departmentIds: members.filter((m) => m.kind === "department").map((m) => m.id),
    };
    try {
      const saved = point
        ? await sendJson<{ id: number; version: number }>(`/api/attendance/points/${point.id}`, "PATCH", {
            ...body,
            expectedVersion: version,
          })
        : await sendJson<{ id: number; version: number }>("/api/attendance/points", "POST", body);
      setVersion(saved.version);
      router.push(`/attendance/points?saved=${saved.id}`);
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };

  const toggleActive = async () => {
    if (!point) return;
    if (active && !window.confirm(text.editor.deactivateConfirm)) return;
    setError(null);
    try {
      const r = await sendJson<{ version: number; active: boolean }>(`/api/attendance/points/${point.id}`, "PATCH", {
        active: !active,
        expectedVersion: version,
      });
      setVersion(r.version);
      setActive(r.active);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const fences = useMemo(() => ({ visible: true, includeInactive: false, hiddenId: point?.id ?? null }), [point?.id]);
  const tools: { mode: DrawMode; label: string; key: string }[] = [
    { mode: "polygon", label: text.editor.tools.polygon, key: "polygon" },
    { mode: "circle", label: text.editor.tools.circle, key: "circle" },
    { mode: "select", label: text.editor.tools.select, key: "select" },
  ];

  return (
    <div className="flex min-h-0 flex-1" data-testid="point-editor">
      <aside className="flex w-[380px] shrink-0 flex-col gap-4 overflow-y-auto border-r border-slate-200 bg-white p-5">
        <h1 className="text-lg font-semibold text-slate-900">
          {point ? text.editor.editTitle(point.name) : text.editor.newTitle}
        </h1>
        {point && !active && (
          <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-600" data-testid="point-inactive">
            {text.list.inactive}
          </p>
        )}
        <Field label={text.editor.name} htmlFor="point-name">
          <input
            id="point-name"
            className={inputClass}
            value={name}
            maxLength={60}
            placeholder={text.editor.namePlaceholder}
            onChange={(e) => setName(e.target.value)}
            data-testid="point-name"
          />
        </Field>
        <Field label={text.editor.shape} htmlFor="point-shape">
          <div
            id="point-shape"
            className="rounded-lg bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200"
            data-testid="point-shape"
          >
            {fence ? (
              <span>
                {text.shapes[fence.shape]}
                {fence.shape === "polygon" ? ` · ${text.list.vertices(fence.ring.length)}` : ""}
              </span>
            ) : (
              <span className="text-slate-500">{text.editor.noShape}</span>
            )}
            {kinks && (
              <p className="mt-1 font-medium text-rose-700" role="alert" data-testid="fence-kinks">
                {text.editor.kinksWarning}
              </p>
            )}
            {!kinks && check.state !== "idle" && (
              <p
                className={`mt-1 ${check.state === "refused" ? "font-medium text-rose-700" : check.state === "ok" ? "text-emerald-700" : "text-slate-500"}`}
                data-testid="fence-check"
                data-state={check.state}
              >
                {check.message}
              </p>
            )}
          </div>
        </Field>
        {fence?.shape === "circle" && (
          <Field label={text.editor.radius} htmlFor="point-radius">
            <input
              id="point-radius"
              type="number"
              min={10}
              max={5000}
              step={1}
              className={inputClass}
              value={radiusText}
              onChange={(e) => setRadiusText(e.target.value)}
              onBlur={() => {
                const r = Number(radiusText);
                if (Number.isFinite(r) && r > 0) tool.current?.setCircleRadius(r);
              }}
              data-testid="point-radius"
            />
          </Field>
        )}
        <Field
          label={text.editor.region}
          htmlFor="point-region"
          hint={regions.length ? text.editor.regionHint : text.editor.regionNone}
        >
          <select
            id="point-region"
            className={inputClass}
            value={regionId ?? ""}
            disabled={regions.length === 0}
            onChange={(e) => setRegionId(Number(e.target.value))}
            data-testid="point-region"
          >
            {regions.length === 0 && <option value="">{text.editor.regionNone}</option>}
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {"\u3000".repeat(Math.max(0, r.level - regions[0].level))}
                {r.name}
              </option>
            ))}
          </select>
        </Field>
        <MemberPicker members={members} onChange={setMembers} />
        {error && (
          <p
            className="rounded-lg bg-rose-50 px-3 py-2 text-sm font-medium text-rose-700 ring-1 ring-rose-200"
            role="alert"
            data-testid="point-error"
          >
            {error}
          </p>
        )}
        <div className="mt-auto flex items-center gap-3 pt-2">
          <button type="button" className={buttonClass("save")} disabled={saving} onClick={save} data-testid="point-save">
            {saving ? text.editor.saving : text.editor.save}
          </button>
          {point && (
            <button type="button" className={buttonClass("secondary")} onClick={toggleActive} data-testid="point-toggle-active">
              {active ? text.editor.deactivate : text.editor.activate}
            </button>
          )}
        </div>
      </aside>
      <main className="relative min-h-0 flex-1 overflow-hidden bg-[#f4f5f2]">
        <MapEngine
          ref={engine}
          initialBounds={point ? around(point.bbox) : districtBounds}
          selection={null}
          rightInset={0}
          onSelect={() => {}}
          onZoom={() => {}}
          fences={fences}
          selectRegions={false}
          onMapReady={onMapReady}
        />
        <div className="absolute top-3 left-3 z-10 flex flex-col items-start gap-2">
          <div
            className="flex overflow-hidden rounded-lg bg-white shadow ring-1 ring-slate-900/10"
            role="toolbar"
            aria-label={text.editor.tools.label}
            data-testid="draw-toolbar"
          >
            {tools.map((b) => (
              <button
                key={b.key}
                type="button"
                aria-pressed={mode === b.mode}
                className={`px-3 py-1.5 text-sm ${mode === b.mode ? "bg-sky-600 text-white" : "text-slate-700 hover:bg-slate-50"}`}
                onClick={() => tool.current?.setMode(mode === b.mode ? "idle" : b.mode)}
                data-testid={`draw-${b.key}`}
              >
                {b.label}
              </button>
            ))}
            <button
              type="button"
              className="border-l border-slate-200 px-3 py-1.5 text-sm text-rose-700 hover:bg-rose-50 disabled:text-slate-300"
              disabled={!fence}
              onClick={() => tool.current?.clear()}
              data-testid="draw-delete"
            >
              {text.editor.tools.delete}
            </button>
          </div>
          <ZoomControls
            onZoomIn={() => engine.current?.zoomBy(1)}
            onZoomOut={() => engine.current?.zoomBy(-1)}
            onReset={() => engine.current?.fitBounds(point ? around(point.bbox) : districtBounds, { rightInset: 0 })}
          />
        </div>
        <p
          className="pointer-events-none absolute right-3 bottom-3 z-10 max-w-md rounded-lg bg-white/95 px-3 py-2 text-xs text-slate-600 shadow ring-1 ring-slate-900/10"
          data-testid="draw-hint"
        >
          {text.editor.hints[mode]}
        </p>
      </main>
    </div>
  );
}
