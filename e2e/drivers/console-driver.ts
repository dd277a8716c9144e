import { expect, type Page, type TestInfo } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

/** Where the specs keep their screenshots (artefacts of the run, beside Playwright's own output). */
export const SCREENSHOT_DIR = path.resolve("test-results", "screenshots");

type MapHandle = {
  getZoom(): number;
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(options?: {
    layers?: string[];
  }): { id?: number | string; properties: Record<string, unknown>; layer: { id: string } }[];
  loaded(): boolean;
};

/**
 * A given/when/then driver for the console: specs say what a person does and sees; this file knows
 * the data-testids, how to wait for a software-rendered map to settle, and where screenshots go.
 */
export function consoleDriver(page: Page, testInfo: TestInfo) {
  // Uncaught errors in the page (the map engine, deck.gl, React) fail the spec that caused them.
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const waitForMapIdle = async () => {
    await expect(page.getByTestId("map")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
    // idle = no tile loading, no camera movement, everything drawn
    await page.waitForFunction(
      () => {
        const el = document.querySelector<HTMLElement>('[data-testid="map"]');
        const map = (window as unknown as { __gridatlasMap?: { loaded(): boolean; isMoving(): boolean } }).__gridatlasMap;
        return el?.dataset.idle === "true" && map?.loaded() && !map.isMoving();
      },
      null,
      { timeout: 60_000 },
    );
  };

  const mapEval = <T, A>(fn: (map: MapHandle, arg: A) => T, arg: A) =>
    page.evaluate(
      ([source, a]) => {
        const map = (window as unknown as { __gridatlasMap: MapHandle }).__gridatlasMap;
        return new Function("map", "arg", `return (${source})(map, arg)`)(map, a) as T;
      },
      [fn.toString(), arg] as const,
    );

  const screenshot = async (name: string) => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(name, { path: file, contentType: "image/png" });
    return file;
  };

  return {
    given: {
      async theMapIsOpen(query = "") {
        await page.goto(`/${query}`);
        await waitForMapIdle();
      },
      async theFloorPlanOf(buildingId: number | string) {
        await page.goto(`/buildings/${buildingId}`);
      },
    },
    when: {
      async zoomIn() {
        await page.getByTestId("zoom-in").click();
        await waitForMapIdle();
      },
      async searchFor(text: string) {
        const input = page.getByTestId("search-input");
        await input.click();
        await input.fill(text);
        await expect(page.getByTestId("search-results")).toBeVisible();
        await expect(page.getByTestId("search-result").first()).toBeVisible();
      },
      async pickSearchResultWithKeyboard(index: number) {
        const input = page.getByTestId("search-input");
        for (let i = 0; i < index; i++) await input.press("ArrowDown");
        await input.press("Enter");
        await waitForMapIdle();
      },
      async hoverMapAt(lngLat: [number, number]) {
        const point = await mapEval((map, p) => map.project(p), lngLat);
        const box = await page.getByTestId("map").boundingBox();
        if (!box) throw new Error("the map has no box");
        await page.mouse.move(box.x + point.x, box.y + point.y);
      },
      async clickMapAt(lngLat: [number, number]) {
        const point = await mapEval((map, p) => map.project(p), lngLat);
        const box = await page.getByTestId("map").boundingBox();
        if (!box) throw new Error("the map has no box");
        await page.mouse.click(box.x + point.x, box.y + point.y);
      },
      async closeThePanelWithEscape() {
        await page.keyboard.press("Escape");
      },
      async openTheFloorPlan() {
        await page.getByTestId("open-floor-plan").click();
        await expect(page.getByTestId("floor-plan")).toBeVisible();
      },
      async openRoom(roomId: number) {
        const cell = page.locator(`[data-testid="room-cell"][data-room-id="${roomId}"]`);
        await cell.focus();
        await page.keyboard.press("Enter");
        await expect(page.getByTestId("resident-row").first()).toBeVisible();
      },
      waitForMapIdle,
    },
    then: {
      async theMapHasDrawn() {
        const canvas = page.locator("canvas.maplibregl-canvas");
        await expect(canvas).toBeVisible();
        const size = await canvas.evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
        expect(size.w).toBeGreaterThan(300);
        expect(size.h).toBeGreaterThan(300);
        // The picture is not a blank background: count distinct colours in a canvas screenshot.
        const png = await canvas.screenshot();
        expect(png.byteLength).toBeGreaterThan(5_000);
      },
      async renderedLabels(): Promise<string[]> {
        return mapEval((map) => {
          const ids = ["district-label", "street-label", "community-label", "xiaoqu-label", "grid-label", "building-label"];
          const layers = ids.filter((id) => (map as unknown as { getLayer(id: string): unknown }).getLayer(id));
          return map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.name));
        }, null);
      },
      zoom: () => mapEval((map) => map.getZoom(), null),
      /**
       * The light a case is drawn with on the map, opened on the case (/?case=<id>, every state shown):
       * "green" | "yellow" | "red", null for a case without a light (closed), "absent" when not drawn.
       */
      async caseLightOnMap(caseId: number): Promise<string | null> {
        await page.goto(`/?case=${caseId}&state=all`);
        await waitForMapIdle();
        return mapEval((map, id) => {
          const hit = map.queryRenderedFeatures({ layers: ["case-point"] }).find((f) => Number(f.id) === id);
          return hit ? ((hit.properties.light as string | undefined) ?? null) : "absent";
        }, caseId);
      },
      /** The ids of the buildings the map has drawn in the current view. */
      renderedBuildingIds: () =>
        mapEval((map) => [...new Set(map.queryRenderedFeatures({ layers: ["building-fill"] }).map((f) => Number(f.id)))], null),
      panel: () => page.getByTestId("side-panel"),
      async thePanelShowsRegion(facts: {
        name: string;
        households?: number;
        residents?: number;
        floating?: number;
        buildings?: number;
      }) {
        const panel = page.getByTestId("region-panel");
        await expect(panel).toBeVisible();
        await expect(page.getByTestId("panel-title")).toHaveText(facts.name);
        const num = (n: number) => n.toLocaleString("zh-CN");
        if (facts.households !== undefined)
          await expect(page.getByTestId("count-households-value")).toHaveText(num(facts.households));
        if (facts.residents !== undefined)
          await expect(page.getByTestId("count-residents-value")).toHaveText(num(facts.residents));
        if (facts.floating !== undefined) await expect(page.getByTestId("count-floating-value")).toHaveText(num(facts.floating));
        if (facts.buildings !== undefined)
          await expect(page.getByTestId("count-buildings-value")).toHaveText(num(facts.buildings));
      },
      /** The feature-state the style lights a feature with (hover / selected). */
      featureState: (source: string, id: number) =>
        mapEval(
          (map, a) =>
            (map as unknown as { getFeatureState(f: object): Record<string, unknown> }).getFeatureState({
              source: a.source,
              sourceLayer: a.source,
              id: a.id,
            }),
          { source, id },
        ),
      noPageErrors() {
        expect(pageErrors).toEqual([]);
      },
      screenshot,
    },
  };
}
