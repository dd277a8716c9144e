import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { LAYERS, sourceLayersOf, type LayerName } from "./layers";
import {
  CASE_CLOSED_COLOR,
  CASE_GROUP_COLORS,
  CASE_LIGHT_COLORS,
  MAP_INTERACTIVE_LAYER_IDS,
  MAP_LAYER_IDS,
  MAP_TEXT_FONT,
  buildMapStyle,
  caseCircleColors,
} from "./style";

const origin = "http://localhost:3000";

function allIds(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Object.values(value as Record<string, unknown>).flatMap(allIds);
}

describe("buildMapStyle", () => {
  it("is a valid MapLibre style", () => {
    const errors = validateStyleMin(buildMapStyle({ origin }));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it("(the validator does catch mistakes)", () => {
    const style = buildMapStyle({ origin });
    style.layers.push({ id: "broken", type: "line", source: "nope", paint: { "line-width": "wide" } } as never);
    expect(validateStyleMin(style).length).toBeGreaterThan(0);
  });

  it("is valid with an XYZ basemap and with a pmtiles basemap", () => {
    expect(validateStyleMin(buildMapStyle({ origin, basemapUrl: "https://tiles.example.org/{z}/{x}/{y}.png" }))).toEqual([]);
    expect(validateStyleMin(buildMapStyle({ origin, basemapUrl: "pmtiles://http://localhost:3000/basemap.pmtiles" }))).toEqual(
      [],
    );
  });

  it("needs no internet: no glyphs, no sprite, every URL on the given origin", () => {
    const style = buildMapStyle({ origin: "http://10.0.0.5:3000/" });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls = Object.values(style.sources).flatMap((s) => ("tiles" in s && s.tiles ? s.tiles : []));
    expect(urls).toHaveLength(Object.keys(LAYERS).length);
    for (const url of urls) expect(url).toMatch(/^http:\/\/10\.0\.0\.5:3000\/tiles\/[a-z_]+\/\{z\}\/\{x\}\/\{y\}$/);
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\/(?!10\.0\.0\.5:3000)/);
  });

  it("one vector source per layer, zoom range from the registry, overzoomed from z16 (heat from z14)", () => {
    const style = buildMapStyle({ origin });
    for (const meta of Object.values(LAYERS)) {
      const source = style.sources[meta.name];
      expect(source).toMatchObject({
        type: "vector",
        minzoom: meta.minzoom,
        tiles: [`${origin}/tiles/${meta.name}/{z}/{x}/{y}`],
      });
      expect((source as { maxzoom: number }).maxzoom).toBe(meta.name === "component" ? 17 : meta.name === "case_heat" ? 14 : 16);
    }
  });

  it("the case layers start hidden (the engine shows them for case.read) and split cells from single cases", () => {
    const style = buildMapStyle({ origin });
    const caseLayers = style.layers.filter((l) => "source" in l && (l.source === "case" || l.source === "case_heat"));
    expect(caseLayers.map((l) => l.id).sort()).toEqual([
      "case-cluster",
      "case-cluster-label",
      "case-heat-source",
      "case-highlight",
      "case-point",
    ]);
    for (const layer of caseLayers) expect(layer.layout?.visibility).toBe("none");
    const cluster = style.layers.find((l) => l.id === MAP_LAYER_IDS.case.cluster) as { filter: unknown; maxzoom: number };
    const point = style.layers.find((l) => l.id === MAP_LAYER_IDS.case.point) as { filter: unknown; minzoom: number };
    expect(cluster.filter).toEqual(["has", "count"]);
    expect(point.filter).toEqual(["!", ["has", "count"]]);
    expect(cluster.maxzoom).toBe(point.minzoom);
    // the cell counts are drawn above every other label
    expect(style.layers.at(-1)!.id).toBe(MAP_LAYER_IDS.case.clusterLabel);
  });

  it("colours cases by light (grey when closed) or by category group", () => {
    const byLight = caseCircleColors("light");
    expect(JSON.stringify(byLight.point)).toContain(CASE_LIGHT_COLORS.red);
    expect(JSON.stringify(byLight.point)).toContain(CASE_CLOSED_COLOR);
    // a cell takes its worst light: red is tested first
    expect(byLight.cluster).toEqual([
      "case",
      [">", ["get", "red"], 0],
      CASE_LIGHT_COLORS.red,
      [">", ["get", "yellow"], 0],
      CASE_LIGHT_COLORS.yellow,
      [">", ["get", "green"], 0],
      CASE_LIGHT_COLORS.green,
      CASE_CLOSED_COLOR,
    ]);
    const byCategory = caseCircleColors("category");
    expect(JSON.stringify(byCategory.point)).toContain('"category_group"');
    expect(JSON.stringify(byCategory.cluster)).toContain('"top_group"');
    for (const colour of Object.values(CASE_GROUP_COLORS)) expect(Object.values(CASE_LIGHT_COLORS)).not.toContain(colour);
  });

  it("labels use the local CJK font", () => {
    const style = buildMapStyle({ origin });
    const symbols = style.layers.filter((l) => l.type === "symbol");
    expect(symbols.length).toBeGreaterThanOrEqual(8);
    for (const layer of symbols) expect(layer.layout?.["text-font"]).toEqual(MAP_TEXT_FONT);
    expect(MAP_TEXT_FONT[0]).toBe("Noto Sans CJK SC");
    // region labels read the label points, not the polygons
    const gridLabel = style.layers.find((l) => l.id === MAP_LAYER_IDS.grid.label)!;
    expect(gridLabel).toMatchObject({ source: "grid", "source-layer": "grid_label" });
  });

  it("every id in MAP_LAYER_IDS is a layer of the style (basemap raster only with a basemap), ids unique", () => {
    const withBasemap = buildMapStyle({ origin, basemapUrl: "https://tiles.example.org/{z}/{x}/{y}.png" });
    const styleIds = withBasemap.layers.map((l) => l.id);
    expect(new Set(styleIds).size).toBe(styleIds.length);
    expect(styleIds.sort()).toEqual(allIds(MAP_LAYER_IDS).sort());
    for (const id of MAP_INTERACTIVE_LAYER_IDS) expect(styleIds).toContain(id);
    const without = buildMapStyle({ origin }).layers.map((l) => l.id);
    expect(without).not.toContain(MAP_LAYER_IDS.basemapRaster);
  });

  it("puts the optional basemap right above the background, under everything else", () => {
    const pm = buildMapStyle({ origin, basemapUrl: "pmtiles://http://localhost:3000/basemap.pmtiles" });
    expect(pm.layers[0].id).toBe(MAP_LAYER_IDS.background);
    expect(pm.layers[1]).toMatchObject({ id: MAP_LAYER_IDS.basemapRaster, type: "raster", source: "basemapRaster" });
    expect(pm.sources.basemapRaster).toMatchObject({ type: "raster", url: "pmtiles://http://localhost:3000/basemap.pmtiles" });
    const xyz = buildMapStyle({ origin, basemapUrl: "https://tiles.example.org/{z}/{x}/{y}.png" });
    expect(xyz.sources.basemapRaster).toMatchObject({ type: "raster", tiles: ["https://tiles.example.org/{z}/{x}/{y}.png"] });
  });

  it("every layer reads a source-layer its tiles contain", () => {
    const style = buildMapStyle({ origin });
    for (const layer of style.layers) {
      if (!("source-layer" in layer)) continue;
      expect(sourceLayersOf(layer.source as LayerName)).toContain(layer["source-layer"]);
    }
  });

  it("fills and highlights react to feature-state hover and selected", () => {
    const style = buildMapStyle({ origin });
    const gridFill = JSON.stringify(style.layers.find((l) => l.id === MAP_LAYER_IDS.grid.fill));
    expect(gridFill).toContain('["feature-state","selected"]');
    expect(gridFill).toContain('["feature-state","hover"]');
    const buildingHighlight = JSON.stringify(style.layers.find((l) => l.id === MAP_LAYER_IDS.building.highlight));
    expect(buildingHighlight).toContain('["feature-state","selected"]');
  });

  it("draws each region level in its own colour and width", () => {
    const style = buildMapStyle({ origin });
    const lines = (["district", "street", "community", "xiaoqu", "grid"] as const).map(
      (l) => style.layers.find((x) => x.id === MAP_LAYER_IDS[l].line) as { paint: Record<string, unknown> },
    );
    const colors = lines.map((l) => l.paint["line-color"]);
    expect(new Set(colors).size).toBe(5);
  });
});
