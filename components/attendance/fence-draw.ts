import type { Map as MapLibreMap } from "maplibre-gl";
import { TerraDraw, TerraDrawCircleMode, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import { circleRing, fenceFromRing, type DrawnFence } from "./fence-geometry";

/** What the user is doing with the draw tool. */
export type DrawMode = "polygon" | "circle" | "select" | "idle";

export type FenceDrawTool = {
  setMode: (mode: DrawMode) => void;
  /** Puts a stored fence on the map to edit (selected). */
  load: (fence: DrawnFence) => void;
  /** Removes the fence being drawn or edited. */
  clear: () => void;
  /** Redraws the circle with another radius (the form's radius field). */
  setCircleRadius: (radiusM: number) => void;
  detach: () => void;
};

type Callbacks = {
  /** The fence as drawn after each finished step (a drawing closed, a corner or the whole shape dragged); null once removed. */
  onFence: (fence: DrawnFence | null) => void;
  onMode: (mode: DrawMode) => void;
};

const SKY = "#0284c7" as const;
const AMBER = "#f59e0b" as const;
const WHITE = "#ffffff" as const;

/**
 * The fence editor's drawing on the one map engine's map (components/map/map-engine.tsx `onMapReady`), with
 * terra-draw and its MapLibre adapter: a polygon mode (click corners; Enter or a click on the first corner
 * finishes, Escape cancels), a circle mode (click the centre, move, click again), and a select mode to drag
 * the shape, drag corners, add corners at the midpoints and delete a corner (right click) or the shape
 * (Delete). One fence at a time: a new drawing replaces the old.
 */
export function attachFenceDraw(map: MapLibreMap, callbacks: Callbacks): FenceDrawTool {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawPolygonMode({
        keyEvents: { cancel: "Escape", finish: "Enter" },
        styles: {
          fillColor: SKY,
          fillOpacity: 0.2,
          outlineColor: SKY,
          outlineWidth: 2.5,
          closingPointColor: AMBER,
          closingPointWidth: 6,
        },
      }),
      new TerraDrawCircleMode({
        keyEvents: { cancel: "Escape", finish: "Enter" },
        segments: 64,
        styles: { fillColor: SKY, fillOpacity: 0.2, outlineColor: SKY, outlineWidth: 2.5 },
      }),
      new TerraDrawSelectMode({
        keyEvents: { deselect: null, delete: "Delete", rotate: null, scale: null },
        flags: {
          polygon: {
            feature: {
              draggable: true,
              coordinates: { draggable: true, deletable: true, midpoints: true },
            },
          },
          // a circle moves as a whole; its radius is the form's field (dragging one corner would break the circle)
          circle: { feature: { draggable: true } },
        },
        styles: {
          selectedPolygonColor: SKY,
          selectedPolygonFillOpacity: 0.25,
          selectedPolygonOutlineColor: AMBER,
          selectedPolygonOutlineWidth: 3,
          selectionPointColor: WHITE,
          selectionPointOutlineColor: AMBER,
          selectionPointWidth: 5,
          selectionPointOutlineWidth: 2,
          midPointColor: AMBER,
          midPointOutlineColor: WHITE,
          midPointWidth: 3,
        },
      }),
    ],
  });
  draw.start();
  let mode: DrawMode = "idle";
  // terra-draw's own "static" mode listens to nothing: the map pans and clicks as usual.
  const modeName = (m: DrawMode) => (m === "idle" ? "static" : m);

  const current = (): GeoJSONStoreFeatures | undefined =>
    draw.getSnapshot().find((f) => f.geometry.type === "Polygon" && !f.properties?.currentlyDrawing);

  const report = () => {
    const feature = current();
    if (!feature || feature.geometry.type !== "Polygon") return callbacks.onFence(null);
    const ring = feature.geometry.coordinates[0] as [number, number][];
    const radiusKm = feature.properties?.radiusKilometers;
    callbacks.onFence(
      fenceFromRing(ring, feature.properties?.mode === "circle" && typeof radiusKm === "number" ? radiusKm * 1000 : null),
    );
  };

  const setMode = (next: DrawMode) => {
    mode = next;
    draw.setMode(modeName(next));
    const feature = current();
    if (next === "select" && feature) draw.selectFeature(feature.id!);
    callbacks.onMode(next);
  };

  draw.on("finish", (id, context) => {
    // A new drawing replaces the fence there was.
    if (context.action === "draw") {
      const others = draw
        .getSnapshot()
        .filter((f) => f.id !== id)
        .map((f) => f.id!);
      if (others.length) draw.removeFeatures(others);
      report();
      // straight on to editing what was drawn
      setMode("select");
      return;
    }
    report();
  });
  draw.on("change", (_ids, type) => {
    if (type === "delete") report();
  });

  const add = (fence: DrawnFence) => {
    draw.clear();
    const id = draw.getFeatureId();
    const properties =
      fence.shape === "circle"
        ? { mode: "circle", radiusKilometers: fence.radiusM / 1000 }
        : ({ mode: "polygon" } as Record<string, string | number>);
    const ring = fence.shape === "circle" ? circleRing(fence.center, fence.radiusM) : closeRing(fence.ring);
    const results = draw.addFeatures([{ type: "Feature", id, geometry: { type: "Polygon", coordinates: [ring] }, properties }]);
    if (!results[0]?.valid) console.error("[fence-draw] the stored fence was not accepted", results[0]?.reason);
    return id;
  };

  return {
    setMode,
    load(fence) {
      const id = add(fence);
      mode = "select";
      draw.setMode("select");
      if (draw.hasFeature(id)) draw.selectFeature(id);
      callbacks.onMode("select");
      report();
    },
    clear() {
      draw.clear();
      report();
      if (mode === "select") setMode("idle");
    },
    setCircleRadius(radiusM) {
      const feature = current();
      if (!feature || feature.properties?.mode !== "circle" || feature.geometry.type !== "Polygon") return;
      const fence = fenceFromRing(feature.geometry.coordinates[0] as [number, number][], radiusM);
      if (fence.shape !== "circle") return;
      add({ ...fence, radiusM });
      if (mode === "select") setMode("select");
      report();
    },
    detach() {
      try {
        draw.stop();
      } catch {
        // the map is already gone
      }
    },
  };
}

function closeRing(ring: readonly [number, number][]): [number, number][] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...ring, first] : [...ring];
}
