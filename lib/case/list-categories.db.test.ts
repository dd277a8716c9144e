import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { contextWithAssignments } from "../context";
import { withSeededDistrict } from "../testing/seeded-district";
import { listCategories, nestCategoryTree } from "./list-categories";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

const setActive = (codes: string[], active: boolean) =>
  owner.db.updateTable("case_category").set({ active }).where("code", "in", codes).execute();

describe("listCategories", () => {
  let gridId: number;
  beforeAll(async () => {
    gridId = (await owner.db.selectFrom("region").select("id").where("level", "=", 4).orderBy("code").executeTakeFirstOrThrow())
      .id;
    await setActive(["event.debris", "hotline"], false);
  });
  afterAll(async () => {
    await setActive(["event.debris", "hotline"], true);
  });

  it("gives the active tree: the shipped roots with their types, sort order kept, risk and defaults for the form", async () => {
    const ctx = await contextWithAssignments(app.db, [{ role: "grid_worker", regionId: gridId }]);
    const tree = await listCategories({ ctx });
    expect(tree.map((r) => r.code)).toEqual(["dispute", "hazard", "component", "event"]);
    const [dispute, hazard, , event] = tree;
    expect(dispute.children).toHaveLength(12);
    expect(hazard.children).toHaveLength(11);
    expect(dispute.children[0]).toMatchObject({
      code: "dispute.family",
      name: "家庭邻里纠纷",
      group: "dispute",
      riskAssessed: true,
      defaultLevel: "grid",
      children: [],
    });
    expect(hazard.children.find((c) => c.code === "hazard.fire_safety")).toMatchObject({
      defaultUrgency: "urgent",
      kind: "enforcement",
      riskAssessed: true,
    });
    // an inactive type is left out, and so is an inactive root with all of its types
    expect(event.children.map((c) => c.code)).not.toContain("event.debris");
    expect(event.children.find((c) => c.code === "event.exposed_garbage")).toMatchObject({ riskAssessed: false });
  });

  it("is for roles that read or report cases", async () => {
    const hr = await contextWithAssignments(app.db, [{ role: "hr_clerk", regionId: gridId }]);
    await expect(listCategories({ ctx: hr })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const analyst = await contextWithAssignments(app.db, [{ role: "analyst", regionId: gridId }]);
    expect((await listCategories({ ctx: analyst })).length).toBeGreaterThan(0);
  });
});

describe("nestCategoryTree", () => {
  const row = (id: number, parent: number | null, code: string) => ({
    id,
    code,
    name: code,
    parent_id: parent,
    grp: "event",
    kind: "management",
    default_level: "street",
    default_urgency: "general",
    risk_assessed: false,
  });

  it("nests any depth in any row order and drops a node whose parent is missing", () => {
    const tree = nestCategoryTree([
      row(5, 9, "a.b.c"),
      row(9, 1, "a.b"),
      row(1, null, "a"),
      row(7, 42, "orphan"),
      row(2, null, "b"),
    ]);
    expect(tree.map((r) => r.code)).toEqual(["a", "b"]);
    expect(tree[0].children[0].code).toBe("a.b");
    expect(tree[0].children[0].children[0].code).toBe("a.b.c");
  });
});
