import { Map as MapLibreMap, setWorkerUrl } from "maplibre-gl";
import { buildMapStyle, MAP_TEXT_FONT } from "@/tiles/style";

/**
 * A MapLibre map on the product's own offline style (vector tiles from this server, labels drawn with
 * local fonts, no glyph or sprite server), fitted to `bounds`, north up: the console map, the phone's
 * position map and the hotline's locating map all start here. Throws when WebGL is unavailable.
 */
export function createOfflineMap(
  container: HTMLElement,
  bounds: readonly [number, number, number, number],
  options: { padding: number; minZoom: number },
): MapLibreMap {
  // MapLibre 6 finds its worker beside its module file, which the bundler moves: serve it ourselves.
  setWorkerUrl(new URL("/vendor/maplibre-gl-worker", window.location.origin).href);
  const map = new MapLibreMap({
    container,
    style: buildMapStyle({ origin: window.location.origin }),
    bounds: [
      [bounds[0], bounds[1]],
      [bounds[2], bounds[3]],
    ],
    fitBoundsOptions: { padding: options.padding },
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxZoom: 19,
    minZoom: options.minZoom,
    localIdeographFontFamily: MAP_TEXT_FONT.join(", "),
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  return map;
}
