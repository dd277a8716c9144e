import { describe, expect, it } from "vitest";
import { planOrganisation, type OrgInput } from "./org-plan";

const grid = (id: number) => ({ id, code: `G${id}`, name: `第${id}网格`, kind: "urban" });
const input = (seed: number): OrgInput => ({
  seed,
  today: "2026-12-03",
  district: { id: 1, code: "110112", name: "通州区", kind: "district" },
  bureaus: [{ code: "dept.cg", name: "区城市管理委员会（城管）", caseUnitId: 7 }],
  streets: [
    {
      id: 2,
      code: "110112001",
      name: "中仓街道",
      kind: "street",
      caseUnitId: 8,
      communities: Array.from({ length: 12 }, (_, c) => ({
        id: 100 + c,
        code: `110112001${String(c + 1).padStart(3, "0")}`,
        name: c % 2 ? `第${c}村` : `第${c}社区`,
        kind: c % 2 ? "village" : "urban",
        caseUnitId: 200 + c,
        xiaoqus: [0, 1].map((x) => ({
          id: 1000 + c * 10 + x,
          code: `X${c}${x}`,
          name: `小区${x}`,
          kind: "urban",
          grids: [0, 1, 2].map((g) => grid(10000 + c * 100 + x * 10 + g)),
        })),
      })),
    },
  ],
});

describe("planOrganisation", () => {
  const plan = planOrganisation(input(1));
  const grids = input(1).streets[0].communities.flatMap((c) => c.xiaoqus.flatMap((x) => x.grids.map((g) => g.id)));

  it("puts exactly one open 专职网格员 on every grid, and never two at once on one grid", () => {
    for (const id of grids) {
      const posts = plan.staff
        .flatMap((s) => s.posts)
        .filter((p) => p.regionId === id && p.role === "full_time")
        .sort((a, b) => a.from.localeCompare(b.from));
      expect(posts.filter((p) => p.to === null)).toHaveLength(1);
      for (let i = 1; i < posts.length; i++) expect(posts[i - 1].to! <= posts[i].from).toBe(true);
    }
  });

  it("heads every community and 小区 (a village's head holds its first 片区 too)", () => {
    const headed = new Set(
      plan.staff.flatMap((s) => s.posts.filter((p) => p.role === "grid_head" && p.to === null).map((p) => p.regionId)),
    );
    for (const c of input(1).streets[0].communities) {
      expect(headed.has(c.id)).toBe(true);
      for (const x of c.xiaoqus) expect(headed.has(x.id)).toBe(true);
    }
  });

  it("writes contiguous jobs from the hire date that end by today, the last one open unless the person left", () => {
    for (const s of plan.staff) {
      expect(s.jobs[0]).toMatchObject({ from: s.hireDate, reason: "hire" });
      for (let i = 1; i < s.jobs.length; i++) {
        expect(s.jobs[i].from).toBe(s.jobs[i - 1].to);
        expect(s.jobs[i].from > s.jobs[i - 1].from).toBe(true);
      }
      expect(s.jobs[s.jobs.length - 1].to).toBe(s.leaveDate);
      expect(s.hireDate < "2026-12-03").toBe(true);
      // Hired at 21 or older.
      expect(Number(s.hireDate.slice(0, 4)) - Number(s.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(20);
      expect(s.birthplace).not.toBe("110112");
    }
  });

  it("is deterministic for a seed and differs for another", () => {
    expect(planOrganisation(input(1))).toEqual(plan);
    expect(planOrganisation(input(2)).staff.map((s) => s.name)).not.toEqual(plan.staff.map((s) => s.name));
  });
});
