import { describe, expect, it } from "vitest";
import { buildDepartmentTree, flattenTree } from "./department-tree";

const row = (id: number, parentId: number | null, staffCount: number) => ({ id, parentId, staffCount });

describe("buildDepartmentTree", () => {
  it("nests children and adds the subtree's counts to each node's own", () => {
    // 1 (2 people) ─ 2 (3) ─ 4 (5)
    //              └ 3 (0)
    const roots = buildDepartmentTree([row(1, null, 2), row(2, 1, 3), row(3, 1, 0), row(4, 2, 5)]);
    expect(roots).toHaveLength(1);
    expect(roots[0].subtreeCount).toBe(10);
    expect(roots[0].children.map((c) => [c.id, c.staffCount, c.subtreeCount])).toEqual([
      [2, 3, 8],
      [3, 0, 0],
    ]);
  });

  it("makes a department whose parent is not visible a root of its own", () => {
    const roots = buildDepartmentTree([row(5, 99, 1), row(6, 5, 1), row(7, null, 0)]);
    expect(roots.map((r) => [r.id, r.subtreeCount])).toEqual([
      [5, 2],
      [7, 0],
    ]);
  });

  it("survives a corrupt cycle without looping (both become unreachable, nothing hangs)", () => {
    const roots = buildDepartmentTree([row(1, 2, 1), row(2, 1, 1), row(3, null, 4)]);
    expect(roots.map((r) => r.id)).toEqual([3]);
  });

  it("flattens depth first in display order", () => {
    const roots = buildDepartmentTree([row(1, null, 0), row(2, 1, 0), row(3, 1, 0), row(4, 2, 0), row(5, null, 0)]);
    expect(flattenTree(roots).map((n) => n.id)).toEqual([1, 2, 4, 3, 5]);
  });
});
