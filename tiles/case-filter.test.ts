import { describe, expect, it } from "vitest";
import { caseTileStatement, heatLevelAt } from "./case-tile-sql";
import { OPEN_STATES } from "../lib/case/case-states";
import {
  caseFilterKey,
  caseFilterQuery,
  EMPTY_CASE_FILTER,
  heatFilterOf,
  isLocalDate,
  nextLocalDate,
  parseCaseFilter,
  stateGroupOf,
} from "./case-filter";

const parse = (query: string) => parseCaseFilter(new URLSearchParams(query));

describe("parseCaseFilter", () => {
  it("no parameters: no filter", () => {
    expect(parse("")).toEqual({ ok: true, filter: EMPTY_CASE_FILTER });
  });

  it("expands state groups and sorts every list into one canonical form", () => {
    const r = parse("state=open&light=red,green&source=hotline,grid_worker&category=12,3,12&from=2026-01-01&to=2026-03-31");
    expect(r).toEqual({
      ok: true,
      filter: {
        from: "2026-01-01",
        to: "2026-03-31",
        categoryIds: [3, 12],
        states: [...OPEN_STATES].sort((a, b) => order(a) - order(b)),
        lights: ["green", "red"],
        sources: ["grid_worker", "hotline"],
      },
    });
    if (!r.ok) return;
    // the canonical query writes the group back, values in a fixed order
    expect(caseFilterQuery(r.filter)).toBe(
      "from=2026-01-01&to=2026-03-31&category=3,12&state=open&light=green,red&source=grid_worker,hotline",
    );
    expect(stateGroupOf(r.filter.states)).toBe("open");
  });

  it("every state, or all, or every source is the same as no filter (one cache entry)", () => {
    expect(parse("state=all")).toEqual({ ok: true, filter: EMPTY_CASE_FILTER });
    expect(parse("state=open,done,cancelled")).toEqual({ ok: true, filter: EMPTY_CASE_FILTER });
    expect(parse("source=grid_worker,hotline,resident,department,visit,video")).toEqual({ ok: true, filter: EMPTY_CASE_FILTER });
  });

  it("equal filters give equal keys whatever the spelling", () => {
    const a = parse("state=done&light=green,red");
    const b = parse("light=red,green&state=evaluated,closed");
    expect(a.ok && b.ok && caseFilterKey(a.filter)).toBe(b.ok && caseFilterKey(b.filter));
  });

  it.each([
    ["bbox=1,2,3,4", "bbox"],
    ["from=2026-02-29", "from"],
    ["to=26-01-01", "to"],
    ["from=2026-03-01&to=2026-02-28", "from"],
    ["category=0", "category"],
    ["category=1.5", "category"],
    ["category=99999999999", "category"],
    ["state=opened", "state"],
    ["light=amber", "light"],
    ["source=email", "source"],
    ["light=red&light=green", "light"],
  ])("refuses ?%s naming %s", (query, param) => {
    const r = parse(query);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.param).toBe(param);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("dates: real calendar days only; the day after, across months and leap years", () => {
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(nextLocalDate("2026-01-31")).toBe("2026-02-01");
    expect(nextLocalDate("2028-02-28")).toBe("2028-02-29");
    expect(nextLocalDate("2026-12-31")).toBe("2027-01-01");
  });

  it("the heat layer keeps only time and category", () => {
    const r = parse("from=2026-01-01&category=4&state=open&light=red&source=hotline");
    expect(r.ok && heatFilterOf(r.filter)).toEqual({ ...EMPTY_CASE_FILTER, from: "2026-01-01", categoryIds: [4] });
  });
});

describe("case tile statements", () => {
  const tile = { z: 15, x: 26993, y: 12413 };

  it("leave absent filters out instead of `$n is null or …`, and number the parameters in order", () => {
    const bare = caseTileStatement("case", tile, ["110112"], EMPTY_CASE_FILTER);
    expect(bare.text).not.toMatch(/is null/);
    expect(bare.text).not.toMatch(/reported_at|c\.state =|c\.light =|c\.source =|category_id in/);
    expect(bare.params).toEqual([15, 26993, 12413, "{110112}"]);
    const r = parse("from=2026-02-01&to=2026-02-28&state=open&light=red");
    if (!r.ok) throw new Error();
    const filtered = caseTileStatement("case", tile, ["110112"], r.filter);
    expect(filtered.text).toContain("c.reported_at >= $5::timestamptz");
    expect(filtered.text).toContain("c.reported_at < $6::timestamptz");
    // the upper bound is the start of the next local day
    expect(filtered.params.slice(4, 6)).toEqual(["2026-02-01T00:00:00+08:00", "2026-03-01T00:00:00+08:00"]);
    // the open group is written literally (the open-case index's predicate), the lights as a parameter
    expect(filtered.text).toContain(
      "c.state in ('reported', 'filed', 'dispatched', 'acknowledged', 'returned', 'handled', 'reported_back', 'verifying', 'suspended')",
    );
    expect(filtered.text).toContain("c.light = any($7::text[])");
    // any other state list is a parameter; a light filter alone implies the open states
    const done = parse("state=done");
    if (!done.ok) throw new Error();
    expect(caseTileStatement("case", tile, null, done.filter).text).toContain("c.state = any($4::text[])");
    const red = parse("light=red");
    if (!red.ok) throw new Error();
    expect(caseTileStatement("case", tile, null, red.filter).text).toMatch(
      /c\.state in \('reported'.*c\.light = any\(\$4::text\[\]\)/,
    );
  });

  it("cells below z15 (no feature id), single cases with the case id from z15; heat reads the bins only", () => {
    expect(caseTileStatement("case", { z: 14, x: 13496, y: 6206 }, null, EMPTY_CASE_FILTER).text).toContain(
      "st_asmvt(t, 'case', 4096, 'geom') ",
    );
    expect(caseTileStatement("case", tile, null, EMPTY_CASE_FILTER).text).toContain("st_asmvt(t, 'case', 4096, 'geom', 'id')");
    const heat = caseTileStatement("case_heat", tile, ["110112"], EMPTY_CASE_FILTER).text;
    expect(heat).toContain("from case_heat_total b");
    expect(heat).not.toContain("case_record");
    const filtered = parse("from=2026-01-01");
    if (!filtered.ok) throw new Error();
    expect(caseTileStatement("case_heat", tile, ["110112"], filtered.filter).text).toContain("from case_heat_bin b");
  });

  it("heat cells: 250 m from z12, doubling per zoom below (4 km at z8)", () => {
    expect([14, 13, 12, 11, 10, 9, 8, 7].map(heatLevelAt)).toEqual([0, 0, 0, 1, 2, 3, 4, 4]);
  });
});

function order(state: string) {
  return [
    "reported",
    "filed",
    "cancelled",
    "dispatched",
    "acknowledged",
    "returned",
    "handled",
    "reported_back",
    "verifying",
    "closed",
    "evaluated",
    "suspended",
  ].indexOf(state);
}
