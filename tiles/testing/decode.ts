import { VectorTile } from "@mapbox/vector-tile";
import Pbf from "pbf";

export type DecodedFeature = {
  id: number | undefined;
  type: "Point" | "LineString" | "Polygon" | "Unknown";
  properties: Record<string, number | string | boolean>;
};

const TYPES = ["Unknown", "Point", "LineString", "Polygon"] as const;

/** Decodes MVT bytes with the real decoder MapLibre uses: source-layer name → features. */
export function decodeTile(bytes: Uint8Array): Record<string, DecodedFeature[]> {
  // @mapbox/vector-tile 3 types its reader against pbf 5 (its own copy); pbf 4's reader reads the same.
  const tile = new VectorTile(new Pbf(bytes) as unknown as ConstructorParameters<typeof VectorTile>[0]);
  const out: Record<string, DecodedFeature[]> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    out[name] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      out[name].push({ id: f.id, type: TYPES[f.type], properties: f.properties });
    }
  }
  return out;
}
