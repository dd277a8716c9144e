import { describe, expect, it } from "vitest";
import { addressKey, areaPrefixes, chineseNumeral, placeSimilarity } from "./address";
import { buildAddressIndex, type PlaceCandidate } from "./address-match";

const prefixes = { areas: areaPrefixes("通州区"), streets: ["永顺镇", "张家湾镇", "北苑街道", "梨园镇"] };

describe("chineseNumeral", () => {
  it.each([
    ["三", 3],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十一", 21],
    ["一百二十三", 123],
    ["两百零五", 205],
    ["二〇三", 203],
  ])("%s → %d", (text, n) => expect(chineseNumeral(text)).toBe(n));
  it("is null for non-numerals", () => expect(chineseNumeral("期")).toBeNull());
});

describe("addressKey", () => {
  const stored = addressKey("通州区永顺镇西马庄小区3号楼", prefixes);
  it("reads the building table's address", () => expect(stored).toEqual({ street: "永顺镇", place: "西马庄", number: "3" }));

  it.each([
    "北京市通州区永顺镇西马庄小区３号楼",
    "北京市通州区永顺镇西马庄小区３栋２单元５０１室",
    "通州永顺镇西马庄小区三号楼",
    "永顺镇 西马庄小区 3幢",
    "西马庄小区3#楼2单元",
    "西马庄小区3-2-501",
    "西马庄小区3号楼501号",
    "（通州区）西马庄小区，3号楼",
  ])("%s has the same place and number", (raw) => {
    const key = addressKey(raw, prefixes);
    expect([key.place, key.number]).toEqual(["西马庄", "3"]);
  });

  it("keeps a compound number (号院) in the place", () => {
    expect(addressKey("梨园镇梨园路5号院12号楼3单元", prefixes)).toEqual({
      street: "梨园镇",
      place: "梨园路5号院",
      number: "12",
    });
  });

  it("reads road house numbers", () => {
    expect(addressKey("通州区新华大街一百二十三号", prefixes)).toMatchObject({ place: "新华大街", number: "123" });
  });

  it("writes numerals inside names as digits too (三期 → 3期)", () => {
    expect(addressKey("通州区永顺镇永顺东里三期6号楼", prefixes)).toMatchObject({ place: "永顺东里3期", number: "6" });
  });

  it("has no number when the address names none", () => {
    expect(addressKey("西马庄小区东门", prefixes).number).toBeNull();
  });
});

describe("placeSimilarity", () => {
  it("is 1 for equal names, high for containment, low for different names", () => {
    expect(placeSimilarity("西马庄", "西马庄")).toBe(1);
    expect(placeSimilarity("西马庄", "西马庄家园")).toBe(0.9);
    expect(placeSimilarity("永顺东理3期", "永顺东里3期")).toBeCloseTo(5 / 6);
    expect(placeSimilarity("西马庄", "东马庄")).toBeLessThan(0.8);
    expect(placeSimilarity("永顺南里", "永顺东里")).toBeLessThan(0.8);
  });
});

describe("buildAddressIndex", () => {
  const candidates: PlaceCandidate[] = [
    { id: 1, kind: "building", address: "通州区永顺镇西马庄小区3号楼", gridPath: "a.b", lon: 116.65, lat: 39.91 },
    { id: 2, kind: "building", address: "通州区永顺镇西马庄小区13号楼", gridPath: "a.b", lon: 116.651, lat: 39.911 },
    { id: 3, kind: "building", address: "通州区永顺镇东马庄小区3号楼", gridPath: "a.c", lon: 116.66, lat: 39.92 },
    { id: 4, kind: "building", address: "通州区北苑街道万科苑20号楼", gridPath: "a.d", lon: 116.63, lat: 39.9 },
    { id: 5, kind: "building", address: "通州区梨园镇万科苑20号楼", gridPath: "a.e", lon: 116.68, lat: 39.88 },
    { id: 6, kind: "house", address: "通州区梨园镇梨园北路196号", gridPath: "a.e", lon: 116.681, lat: 39.881 },
    { id: 7, kind: "building", address: "通州区永顺镇永顺东里三期6号楼", gridPath: "a.f", lon: 116.64, lat: 39.93 },
  ];
  const index = buildAddressIndex(candidates, prefixes);

  it("finds a building written differently, exactly", () => {
    const m = index.match("北京市通州区西马庄小区三栋2单元501");
    expect(m).toMatchObject({ kind: "exact", candidate: { id: 1 }, confidence: 1 });
  });

  it("never takes building 13 for building 3", () => {
    expect(index.match("西马庄小区3号楼")).toMatchObject({ candidate: { id: 1 } });
    expect(index.match("西马庄小区13栋")).toMatchObject({ candidate: { id: 2 } });
  });

  it("matches Arabic and Chinese numerals exactly (永顺东里3期 = 永顺东里三期)", () => {
    expect(index.match("永顺东里3期6号楼")).toMatchObject({ kind: "exact", candidate: { id: 7 } });
  });

  it("matches a typo or a longer name fuzzily, with its confidence", () => {
    const typo = index.match("永顺东理三期6栋");
    expect(typo).toMatchObject({ kind: "fuzzy", candidate: { id: 7 } });
    if (typo.kind === "fuzzy") expect(typo.confidence).toBeCloseTo(0.83, 2);
    expect(index.match("西马庄家园3号楼")).toMatchObject({ kind: "fuzzy", candidate: { id: 1 }, confidence: 0.9 });
    // One wrong character in a short name is too far: 东马庄 is another estate.
    expect(index.match("北马庄小区3号楼").kind).not.toBe("fuzzy");
  });

  it("is ambiguous for a name found in two streets, and a named street decides", () => {
    expect(index.match("万科苑20号楼").kind).toBe("ambiguous");
    expect(index.match("梨园镇万科苑20号楼")).toMatchObject({ kind: "exact", candidate: { id: 5 } });
  });

  it("finds road house numbers", () => {
    expect(index.match("梨园北路196号")).toMatchObject({ kind: "exact", candidate: { id: 6, kind: "house" } });
  });

  it("gives none for unknown places and addresses without a number", () => {
    expect(index.match("南马庄小区3号楼").kind).toBe("none");
    expect(index.match("西马庄小区东门").kind).toBe("none");
    expect(index.match("西马庄小区99号楼").kind).toBe("none");
  });

  it("tells the street an address names", () => {
    expect(index.streetOf("通州区永顺镇某某路")).toBe("永顺镇");
    expect(index.streetOf("某某路")).toBeNull();
  });
});
