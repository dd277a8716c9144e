import { describe, expect, it } from "vitest";
import type { Satisfaction, Timeliness } from "./ratings";
import {
  SATISFACTION_LEVELS,
  TIMELINESS,
  describeDiscoveryStars,
  describeDisposalStars,
  disposalStars,
  disposalTimeliness,
  isDissatisfied,
  parseDiscoveryStars,
  timelinessOf,
} from "./ratings";

describe("discovery stars", () => {
  it("takes integers 1–5 and describes each as DOMAIN.md does", () => {
    expect([1, 2, 3, 4, 5].map((n) => describeDiscoveryStars(parseDiscoveryStars(n)))).toEqual([
      "无价值",
      "一般性事务",
      "具有一般社会价值或部门价值",
      "对部门具有重大价值",
      "具有重大社会价值",
    ]);
  });

  it("refuses anything else as VALIDATION", () => {
    for (const bad of [0, 6, -1, 2.5, "3", null, undefined, Number.NaN]) {
      expect(() => parseDiscoveryStars(bad)).toThrow(
        expect.objectContaining({ code: "VALIDATION", message: "发现评星必须是 1 到 5 的整数。" }),
      );
    }
  });
});

describe("timeliness", () => {
  // A limit of 480 working minutes (one working day); early means under 240 minutes by default.
  it.each([
    [0, "early"],
    [239, "early"],
    [240, "on_time"], // exactly 50% is not "before" half the limit
    [479, "on_time"],
    [480, "on_time"], // closed exactly at the deadline: on time
    [481, "overdue"],
    [10_000, "overdue"],
  ] as const)("used %i of 480 minutes → %s", (used, expected) => {
    expect(timelinessOf({ used, limit: 480 })).toBe(expected);
  });

  it("takes a configured early share", () => {
    // 30% of 1000 = 300
    expect(timelinessOf({ used: 299, limit: 1000, earlyShare: 0.3 })).toBe("early");
    expect(timelinessOf({ used: 300, limit: 1000, earlyShare: 0.3 })).toBe("on_time");
    expect(timelinessOf({ used: 400, limit: 1000, earlyShare: 0.3 })).toBe("on_time");
  });

  it("refuses nonsense inputs", () => {
    for (const args of [
      { used: -1, limit: 10 },
      { used: 1, limit: 0 },
      { used: Number.NaN, limit: 10 },
      { used: 1, limit: Number.POSITIVE_INFINITY },
      { used: 1, limit: 10, earlyShare: 0 },
      { used: 1, limit: 10, earlyShare: 1 },
    ]) {
      expect(() => timelinessOf(args)).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    }
  });
});

describe("disposal timeliness at the report back (反馈)", () => {
  const first = { previous: null, reopened: false, extended: false } as const;

  it("is what the first report back measured, when nothing else happened", () => {
    for (const t of TIMELINESS) expect(disposalTimeliness({ ...first, measured: t })).toBe(t);
  });

  it("延期: an approved extension makes a late case on time at best, never early", () => {
    // Measured against the extended limit: within it → on time, even in its first half; past it → overdue.
    expect(disposalTimeliness({ ...first, extended: true, measured: "early" })).toBe("on_time");
    expect(disposalTimeliness({ ...first, extended: true, measured: "on_time" })).toBe("on_time");
    expect(disposalTimeliness({ ...first, extended: true, measured: "overdue" })).toBe("overdue");
  });

  it("返工: the worst report back counts, and a reopened case is on time at best", () => {
    const again = (previous: Timeliness, measured: Timeliness) =>
      disposalTimeliness({ previous, measured, reopened: true, extended: false });
    // First report back overdue: the case stays overdue whatever the second one measures.
    expect(again("overdue", "early")).toBe("overdue");
    expect(again("overdue", "on_time")).toBe("overdue");
    // First report back early (the reopen already capped it to on time): a fast second answer is not "early".
    expect(again("early", "early")).toBe("on_time");
    expect(again("on_time", "early")).toBe("on_time");
    // A late second answer makes it overdue.
    expect(again("on_time", "overdue")).toBe("overdue");
  });

  it("names the answers after which the loop goes on", () => {
    expect(SATISFACTION_LEVELS.filter(isDissatisfied)).toEqual(["dissatisfied", "very_dissatisfied"]);
  });
});

describe("disposal stars, every cell", () => {
  // Hand-written from DOMAIN.md (the five DOMAIN cells) and the documented gap rule: overdue caps at 2;
  // 5 needs early AND very satisfied; 满意 is "fairly satisfied" (4 when not overdue); 基本满意 counts like
  // no opinion; dissatisfied is 1 only when also overdue, else 2.
  const CELLS: [Timeliness, Satisfaction, number][] = [
    ["overdue", "very_satisfied", 2],
    ["overdue", "satisfied", 2],
    ["overdue", "fairly_satisfied", 2],
    ["overdue", "no_opinion", 2], // DOMAIN
    ["overdue", "dissatisfied", 1], // DOMAIN
    ["overdue", "very_dissatisfied", 1], // DOMAIN
    ["on_time", "very_satisfied", 4],
    ["on_time", "satisfied", 4], // DOMAIN
    ["on_time", "fairly_satisfied", 3],
    ["on_time", "no_opinion", 3], // DOMAIN
    ["on_time", "dissatisfied", 2],
    ["on_time", "very_dissatisfied", 2],
    ["early", "very_satisfied", 5], // DOMAIN
    ["early", "satisfied", 4],
    ["early", "fairly_satisfied", 3],
    ["early", "no_opinion", 3],
    ["early", "dissatisfied", 2],
    ["early", "very_dissatisfied", 2],
  ];

  it("lists all 18 combinations once", () => {
    expect(CELLS).toHaveLength(TIMELINESS.length * SATISFACTION_LEVELS.length);
    expect(new Set(CELLS.map(([t, s]) => `${t}/${s}`)).size).toBe(18);
  });

  it.each(CELLS)("%s + %s → %i stars", (timeliness, satisfaction, stars) => {
    expect(disposalStars(timeliness, satisfaction)).toBe(stars);
  });

  it("works from the clock: 100 of 480 minutes, very satisfied → 5; 500 of 480, no opinion → 2", () => {
    expect(disposalStars(timelinessOf({ used: 100, limit: 480 }), "very_satisfied")).toBe(5);
    expect(disposalStars(timelinessOf({ used: 500, limit: 480 }), "no_opinion")).toBe(2);
  });

  it("describes each star count", () => {
    expect(describeDisposalStars(1)).toBe("超期办结且当事人不满意");
    expect(describeDisposalStars(5)).toBe("提前办结且当事人非常满意");
  });
});
