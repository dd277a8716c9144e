import { describe, expect, it } from "vitest";
import {
  caseTileQueries,
  DEFAULT_CASE_MAP_STATE,
  hasCaseFilters,
  readCaseMapState,
  withoutCaseFilters,
  writeCaseMapState,
} from "./case-map-state";
import { addDays, beijingDay as todayInShanghai } from "@/lib/format/time";
import { monthTicks, positionsOf, presetOf, presetRange, rangeOf, SLIDER_DAYS } from "./time-range";

describe("the case map state in the URL", () => {
  it("the plain map URL is the default: open cases coloured by light, no heat", () => {
    expect(readCaseMapState(new URLSearchParams(""))).toEqual(DEFAULT_CASE_MAP_STATE);
    expect(writeCaseMapState(DEFAULT_CASE_MAP_STATE).toString()).toBe("");
    expect(caseTileQueries(DEFAULT_CASE_MAP_STATE)).toEqual({ cases: "state=open", heat: "" });
  });

  it("round-trips every setting and keeps the page's other parameters", () => {
    const url = new URLSearchParams(
      "region=12&cases=0&heat=1&color=category&from=2026-01-01&to=2026-03-31&category=7&state=all&light=red,yellow&source=hotline",
    );
    const state = readCaseMapState(url);
    expect(state).toEqual({
      cases: false,
      heat: true,
      color: "category",
      from: "2026-01-01",
      to: "2026-03-31",
      categoryId: 7,
      state: "all",
      lights: ["yellow", "red"],
      source: "hotline",
    });
    const written = writeCaseMapState(state, new URLSearchParams("region=12&foo=1"));
    expect(written.get("region")).toBe("12");
    expect(readCaseMapState(written)).toEqual(state);
    // the tiles: every filter for cases ("all" states = no state filter), time and category for heat
    expect(caseTileQueries(state)).toEqual({
      cases: "from=2026-01-01&to=2026-03-31&category=7&light=yellow,red&source=hotline",
      heat: "from=2026-01-01&to=2026-03-31&category=7",
    });
  });

  it("a nonsense value falls back to its default instead of breaking the map", () => {
    const state = readCaseMapState({
      state: "opened",
      light: "blue",
      source: "fax",
      category: "-3",
      from: "2026-02-30",
      color: "pink",
    });
    expect(state).toEqual(DEFAULT_CASE_MAP_STATE);
  });

  it("reversed dates are swapped", () => {
    expect(readCaseMapState({ from: "2026-05-01", to: "2026-04-01" })).toMatchObject({ from: "2026-04-01", to: "2026-05-01" });
  });

  it("knows when filters are set and clears them without touching the toggles", () => {
    const state = readCaseMapState({ heat: "1", state: "done", light: "red" });
    expect(hasCaseFilters(state)).toBe(true);
    expect(withoutCaseFilters(state)).toEqual({ ...DEFAULT_CASE_MAP_STATE, heat: true });
    expect(hasCaseFilters(withoutCaseFilters(state))).toBe(false);
  });
});

describe("the time slider", () => {
  const today = "2026-11-25";

  it("today in China Standard Time, also late in the UTC evening", () => {
    expect(todayInShanghai(new Date("2026-11-25T16:30:00Z"))).toBe("2026-11-26");
    expect(todayInShanghai(new Date("2026-11-25T15:59:00Z"))).toBe("2026-11-25");
  });

  it("both ends mean no limit; positions and ranges convert both ways", () => {
    expect(positionsOf({ from: null, to: null }, today)).toEqual([0, SLIDER_DAYS]);
    expect(rangeOf([0, SLIDER_DAYS], today)).toEqual({ from: null, to: null });
    expect(rangeOf([SLIDER_DAYS - 29, SLIDER_DAYS], today)).toEqual({ from: "2026-10-27", to: null });
    expect(positionsOf({ from: "2026-10-27", to: "2026-11-01" }, today)).toEqual([SLIDER_DAYS - 29, SLIDER_DAYS - 24]);
    // a date before the slider is clamped to its left end
    expect(positionsOf({ from: "2020-01-01", to: null }, today)).toEqual([0, SLIDER_DAYS]);
    expect(addDays(today, -SLIDER_DAYS)).toBe("2025-11-25");
  });

  it("presets are the last N days including today", () => {
    expect(presetRange("d7", today)).toEqual({ from: "2026-11-19", to: null });
    expect(presetRange("d30", today)).toEqual({ from: "2026-10-27", to: null });
    expect(presetOf({ from: "2026-10-27", to: null }, today)).toBe("d30");
    expect(presetOf({ from: null, to: null }, today)).toBe("all");
    expect(presetOf({ from: "2026-10-28", to: null }, today)).toBeNull();
  });

  it("month ticks fall on the first of each month, the year shown in January", () => {
    const ticks = monthTicks(today);
    expect(ticks[0]).toEqual([6, "12月"]);
    expect(ticks[1]).toEqual([6 + 31, "2026"]);
    expect(ticks).toHaveLength(12);
  });
});
