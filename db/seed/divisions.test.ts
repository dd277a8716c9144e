import { describe, expect, it } from "vitest";
import { communityNameAndKind, DivisionsError, parseDivisions, readDivisions, streetKind } from "./divisions";
import { DEFAULT_DIVISIONS_CSV } from "./index";

const HEADER = "code,name,level,parent_code";
const GOOD = [
  HEADER,
  "320102,玄武区,district,3201",
  "320102002,梅园新村街道,street,320102",
  "320102002001,长江路社区居委会,community,320102002",
].join("\n");

function problemsOf(text: string): string[] {
  try {
    parseDivisions(text, "test.csv");
  } catch (error) {
    expect(error).toBeInstanceOf(DivisionsError);
    return (error as DivisionsError).problems;
  }
  throw new Error("expected a DivisionsError");
}

describe("parseDivisions", () => {
  it("reads the Tongzhou file: 22 streets and towns, 656 communities and villages", () => {
    const d = readDivisions(DEFAULT_DIVISIONS_CSV);
    expect(d.district).toEqual({ code: "110112", name: "通州区" });
    expect(d.streets).toHaveLength(22);
    const communities = d.streets.flatMap((s) => s.communities);
    expect(communities).toHaveLength(656);
    expect(communities.filter((c) => c.kind === "urban")).toHaveLength(186);
    expect(communities.filter((c) => c.kind === "village")).toHaveLength(470);
    expect(d.streets.filter((s) => s.kind === "street").map((s) => s.name)).toContain("中仓街道");
    expect(d.streets.find((s) => s.code === "110112209")).toMatchObject({ name: "于家务回族乡", kind: "township" });
  });

  it("accepts a BOM, CRLF line ends, quoted fields and columns in any order", () => {
    const text =
      '\uFEFFname,code,parent_code,level\r\n玄武区,320102,3201,district\r\n"梅园新村街道",320102002,320102,street\r\n"长江路社区居委会",320102002001,320102002,community\r\n';
    const d = parseDivisions(text);
    expect(d.streets[0].communities[0]).toEqual({
      code: "320102002001",
      name: "长江路社区",
      fullName: "长江路社区居委会",
      kind: "urban",
    });
  });

  it("names a missing column", () => {
    expect(problemsOf("code,name,level\n110112,通州区,district")).toEqual([
      "line 1: missing column parent_code (the header must name code,name,level,parent_code)",
    ]);
  });

  it("reports bad codes, unknown levels, duplicates and orphans with their line", () => {
    const problems = problemsOf(
      [
        HEADER,
        "320102,玄武区,district,3201",
        "32010200,短代码街道,street,320102",
        "320102003,某街道,region,320102",
        "320102002,梅园新村街道,street,320102",
        "320102002,重复街道,street,320102",
        "320102002001,长江路社区居委会,community,320102009",
        "110105001,别区街道,street,110105",
        "320102002002,,community,320102002",
      ].join("\n"),
    );
    expect(problems).toEqual([
      'line 3: code "32010200" of a street must have 9 digits',
      'line 4: level "region" is not one of district, street, community',
      "line 6: code 320102002 already on line 5",
      "line 7: community 320102002001 has parent 320102009, which is not a street in this file",
      "line 8: street 110105001 has parent 110105, not the district 320102",
      "line 9: empty name",
    ]);
  });

  it("requires exactly one district and at least one street", () => {
    expect(problemsOf(`${HEADER}\n320102002,梅园新村街道,street,320102`)).toContain(
      "no district row (level district, 6-digit code)",
    );
    expect(problemsOf(`${HEADER}\n320102,玄武区,district,3201\n320103,秦淮区,district,3201`)[0]).toMatch(/2 district rows/);
    expect(problemsOf(`${HEADER}\n320102,玄武区,district,3201`)).toEqual([
      "no street rows (level street, 9-digit codes under the district)",
    ]);
  });

  it("rejects a community whose code does not extend its street's", () => {
    expect(problemsOf(GOOD + "\n320102003001,错位社区居委会,community,320102002")).toEqual([
      "line 5: community code 320102003001 does not extend its street code 320102002",
    ]);
  });

  it("reports a file that cannot be read", () => {
    expect(() => readDivisions("/nonexistent/divisions.csv")).toThrow(/cannot read the file/);
  });
});

describe("names and kinds", () => {
  it("tells street offices, towns and townships apart by code (001–099, 100–199, 200–399)", () => {
    expect(streetKind("110112001")).toBe("street");
    expect(streetKind("110112104")).toBe("town");
    expect(streetKind("110112209")).toBe("township");
  });

  it("shortens committee names and tells urban communities from villages", () => {
    expect(communityNameAndKind("悟仙观社区居委会")).toEqual({ name: "悟仙观社区", kind: "urban" });
    expect(communityNameAndKind("佟麟阁社区居民委员会")).toEqual({ name: "佟麟阁社区", kind: "urban" });
    expect(communityNameAndKind("漷县村村委会")).toEqual({ name: "漷县村", kind: "village" });
    expect(communityNameAndKind("中辛庄村委会")).toEqual({ name: "中辛庄村", kind: "village" });
    expect(communityNameAndKind("侯黄庄村村民委员会")).toEqual({ name: "侯黄庄村", kind: "village" });
    expect(communityNameAndKind("商务公寓工作站社区")).toEqual({ name: "商务公寓工作站社区", kind: "urban" });
  });
});
