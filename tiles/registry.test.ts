import { describe, expect, it } from "vitest";
import { LAYER_NAMES, isCaseLayer, type PlainLayerName } from "./layers";
import { REGISTRY, layerParams, layerStatement, simplifyTolerance } from "./registry";

describe("tile registry", () => {
  it("simplifies by two MVT extent units up to z15, not above", () => {
    // z11: 40075016.69 m / 2^11 / 4096 = 4.777 m per unit → 9.554 m
    expect(simplifyTolerance("community", 11)).toBeCloseTo(9.5546, 3);
    // z15: 40075016.69 / 2^15 / 4096 = 0.2986 m per unit → 0.597 m
    expect(simplifyTolerance("grid", 15)).toBeCloseTo(0.5972, 3);
    expect(simplifyTolerance("grid", 16)).toBe(0);
    expect(simplifyTolerance("building", 14)).toBe(0);
  });

  it("numbers the parameters per layer: tolerance only where the layer simplifies, then the scope", () => {
    expect(layerParams("grid", { z: 14, x: 1, y: 2 }, null)).toEqual([14, 1, 2, simplifyTolerance("grid", 14)]);
    expect(layerParams("grid", { z: 14, x: 1, y: 2 }, ["110112.110112001"])).toEqual([
      14,
      1,
      2,
      simplifyTolerance("grid", 14),
      "{110112.110112001}",
    ]);
    expect(layerParams("building", { z: 14, x: 1, y: 2 }, ["110112.1", "110112.2"])).toEqual([14, 1, 2, "{110112.1,110112.2}"]);
    // the basemap is public: no scope parameter even when the caller has one
    expect(layerParams("basemap", { z: 14, x: 1, y: 2 }, ["110112"])).toEqual([14, 1, 2, simplifyTolerance("basemap", 14)]);
    expect(layerStatement("grid", true)).toContain("r.path <@ $5::ltree[]");
    expect(layerStatement("building", true)).toContain("g.path <@ $4::ltree[]");
    expect(layerStatement("grid", false)).not.toContain("ltree");
  });

  it("every statement filters on the geom_3857 GIST index, clips with extent 4096 / buffer 64 and promotes the id", () => {
    // the case layers build their statements from their filters (tiles/case-filter.test.ts)
    for (const layer of LAYER_NAMES.filter((l): l is PlainLayerName => !isCaseLayer(l))) {
      const text = layerStatement(layer, false);
      expect(text).toMatch(/geom_3857 && st_tileenvelope\(\$1::int, \$2::int, \$3::int, margin => 0\.015625\)/);
      expect(text).toContain("4096, 64, true)");
      expect(text).toContain(`st_asmvt(t, '${layer}', 4096, 'geom', 'id')`);
      expect(REGISTRY[layer].name).toBe(layer);
    }
  });
});
