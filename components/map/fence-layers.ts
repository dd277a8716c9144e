import type { ExpressionSpecification, FilterSpecification, Map as MapLibreMap } from "maplibre-gl";
import { MAP_FENCE_LAYER_IDS, MAP_LAYER_IDS } from "@/tiles/style";

/** How the map shows the attendance fence layer (tiles/registry.ts `fence`). */
export type FenceLayerProps = {
  visible: boolean;
  /** The points page draws inactive fences too (grey, dashed); the console map only active ones. */
  includeInactive?: boolean;
  /** A fence to ring as selected (feature-state `selected`). */
  selectedId?: number | null;
  /** Hidden from the tiles while the editor draws it anew (the draw tool shows it instead). */
  hiddenId?: number | null;
  /** Bump to refetch the fence tiles after a save (MapLibre keeps loaded tiles otherwise). */
  revision?: number;
};

const SOURCE = "fence";

/** Applies the fence settings to the map's style (its layers are hidden in the style until asked for). */
export function applyFenceLayers(
  map: MapLibreMap,
  props: FenceLayerProps | null,
  state: { selected: number | null; revision: number },
) {
  const visible = props?.visible ?? false;
  for (const id of MAP_FENCE_LAYER_IDS)
    if (map.getLayer(id)) map.setLayoutProperty(id, "visibility", visible ? "visible" : "none");
  if (!visible || !props) return;
  const filters: ExpressionSpecification[] = [];
  if (!props.includeInactive) filters.push(["==", ["get", "active"], true]);
  if (props.hiddenId) filters.push(["!=", ["id"], props.hiddenId]);
  const filter: FilterSpecification | null =
    filters.length === 0 ? null : filters.length === 1 ? filters[0] : ["all", ...filters];
  for (const id of MAP_FENCE_LAYER_IDS) if (map.getLayer(id)) map.setFilter(id, filter);
  const next = props.selectedId ?? null;
  if (state.selected !== next) {
    if (state.selected !== null)
      map.setFeatureState({ source: SOURCE, sourceLayer: SOURCE, id: state.selected }, { selected: false });
    if (next !== null) map.setFeatureState({ source: SOURCE, sourceLayer: SOURCE, id: next }, { selected: true });
    state.selected = next;
  }
  const revision = props.revision ?? 0;
  if (revision !== state.revision) {
    state.revision = revision;
    const source = map.getSource(SOURCE) as { setTiles?: (tiles: string[]) => void } | undefined;
    // A new URL makes MapLibre drop the tiles it holds; the server ignores the query string of this layer.
    source?.setTiles?.([`${window.location.origin}/tiles/fence/{z}/{x}/{y}?r=${revision}`]);
  }
}

/** The fence under a screen point, if any (its id is the attendance point's id). */
export function fenceAt(map: MapLibreMap, point: { x: number; y: number }): number | null {
  if (!map.getLayer(MAP_LAYER_IDS.fence.fill) || map.getLayoutProperty(MAP_LAYER_IDS.fence.fill, "visibility") !== "visible")
    return null;
  const hit = map
    .queryRenderedFeatures([point.x, point.y], { layers: [MAP_LAYER_IDS.fence.fill] })
    .find((f) => f.id !== undefined);
  return hit ? Number(hit.id) : null;
}
