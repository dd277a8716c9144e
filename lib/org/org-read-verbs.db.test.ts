import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { Role } from "../auth/roles";
import { contextWithAssignments, type RequestContext } from "../context";
import { createOrgFixture, type OrgFixture } from "../testing/org-fixtures";
import { withSeededDistrict } from "../testing/seeded-district";
import { getOrgChart } from "./get-org-chart";
import { getStaffDetail } from "./get-staff-detail";
import { listGridGaps } from "./list-grid-gaps";
import { listStaff } from "./list-staff";
import { listStaffOptions } from "./list-staff-options";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

let fx: OrgFixture;
let nextUserId = 1_100_000_000 + Math.floor(Math.random() * 1_000_000) * 10;

async function as(role: Role, regionId: number): Promise<RequestContext> {
  const userId = nextUserId++;
  return contextWithAssignments(app.db, [{ role, regionId }], { userId, username: `org_${userId}`, displayName: "测试" });
}

beforeAll(async () => {
  fx = await createOrgFixture(owner);
});

const NOW = new Date("2026-12-03T04:00:00Z");

describe("getOrgChart", () => {
  it("gives HR of the district the whole tree with own and subtree counts of people in service", async () => {
    const chart = await getOrgChart({ ctx: await as("hr_clerk", fx.regions.district), now: NOW });
    const root = chart.roots.find((r) => r.id === fx.departments.district)!;
    expect(root).toBeDefined();
    expect(root.staffCount).toBe(1);
    // district clerk + head A + worker A + worker B (the one who left is not counted)
    expect(root.subtreeCount).toBe(4);
    const a = root.children.find((c) => c.id === fx.departments.communityA)!;
    expect([a.staffCount, a.subtreeCount]).toEqual([1, 2]);
    expect(a.children.map((c) => c.id)).toEqual([fx.departments.gridOfficeA]);
    expect(a.kindName).toBe("网格工作站");
  });

  it("gives a community head only the departments of the community, rooted there", async () => {
    const chart = await getOrgChart({ ctx: await as("community_head", fx.regions.communityA), now: NOW });
    const ids = chart.roots.map((r) => r.id);
    expect(ids).toContain(fx.departments.communityA);
    expect(ids).not.toContain(fx.departments.district);
    expect(JSON.stringify(chart)).not.toContain(`${fx.prefix}社区B`);
  });

  it("refuses a role without staff.read", async () => {
    await expect(getOrgChart({ ctx: await as("analyst", fx.regions.district) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("listStaff", () => {
  it("filters by department subtree and keeps to the caller's area: a community head sees only their people", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const all = await listStaff({ ctx: hr, input: { department: fx.departments.district }, now: NOW });
    expect(all.staff.map((s) => s.staffNo)).toEqual(["001", "002", "003", "004"].map((n) => `${fx.prefix}-${n}`));
    expect(all.total).toBe(4);

    const head = await as("community_head", fx.regions.communityA);
    const mine = await listStaff({ ctx: head, input: { q: fx.prefix, status: "all" }, now: NOW });
    expect(mine.staff.map((s) => s.id).sort()).toEqual([fx.staff.headA, fx.staff.workerA, fx.staff.leftA].sort());
    // a department outside the area is NOT_FOUND, like one that does not exist
    await expect(listStaff({ ctx: head, input: { department: fx.departments.communityB }, now: NOW })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("treats % and _ in the name search as characters, not wildcards", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const percent = await listStaff({ ctx: hr, input: { q: "%", department: fx.departments.district }, now: NOW });
    expect(percent.staff.map((s) => s.id)).toEqual([fx.staff.workerA]);
    const underscore = await listStaff({ ctx: hr, input: { q: "_", department: fx.departments.district }, now: NOW });
    expect(underscore.staff.map((s) => s.id)).toEqual([fx.staff.workerB]);
  });

  it("pages by staff number without skipping or repeating", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const first = await listStaff({ ctx: hr, input: { department: fx.departments.district, limit: 3 }, now: NOW });
    expect(first.staff).toHaveLength(3);
    expect(first.nextCursor).toBe(`${fx.prefix}-003`);
    const second = await listStaff({
      ctx: hr,
      input: { department: fx.departments.district, limit: 3, after: first.nextCursor! },
      now: NOW,
    });
    expect(second.staff.map((s) => s.staffNo)).toEqual([`${fx.prefix}-004`]);
    expect(second.nextCursor).toBeNull();
  });

  it("tells in service from left, and shows only masked personal data", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const left = await listStaff({ ctx: hr, input: { department: fx.departments.district, status: "left" }, now: NOW });
    expect(left.staff.map((s) => s.id)).toEqual([fx.staff.leftA]);
    expect(left.staff[0].inService).toBe(false);
    expect(left.staff[0].idNumberMasked).toMatch(/^110105\*{8}[0-9]{3}[0-9X]$/);
    expect(left.staff[0].phoneMasked).toMatch(/^139\*{4}[0-9]{4}$/);
  });

  it("refuses malformed filters with VALIDATION, not a database error", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    for (const input of [
      { department: "1e3" },
      { position: "-1" },
      { department: "99999999999" },
      { after: "a%b" },
      { q: "a\u0000b" },
      { status: "gone" },
    ]) {
      await expect(listStaff({ ctx: hr, input: input as never, now: NOW }), JSON.stringify(input)).rejects.toMatchObject({
        code: "VALIDATION",
      });
    }
  });
});

describe("getStaffDetail", () => {
  it("shows a person with history and logs the view with the staff id", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const detail = await getStaffDetail({ ctx: hr, input: { id: fx.staff.workerA }, now: NOW });
    expect(detail.name).toBe("网格员丙%");
    expect(detail.departmentPath).toBe(`${fx.prefix}区指挥中心 / ${fx.prefix}社区A工作站 / ${fx.prefix}小区A网格组`);
    expect(detail.jobs).toHaveLength(1);
    expect(detail.jobs[0]).toMatchObject({ reason: "hire", validFrom: "2021-01-04", validTo: null });
    expect(JSON.stringify(detail)).not.toContain(fx.workerAIdNumber);
    const { rows } = await sql<{ kind: string; field: string; staff_id: number }>`
      select kind, field, staff_id from pii_access_log where user_id = ${hr.actor.userId}`.execute(owner.db);
    expect(rows).toEqual([{ kind: "view", field: "detail", staff_id: fx.staff.workerA }]);
  });

  it("answers NOT_FOUND for a person outside the area, as for an unknown id, and logs nothing", async () => {
    const head = await as("community_head", fx.regions.communityA);
    await expect(getStaffDetail({ ctx: head, input: { id: fx.staff.workerB } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getStaffDetail({ ctx: head, input: { id: 9_007_199_254_740 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getStaffDetail({ ctx: head, input: { id: "12abc" as never } })).rejects.toMatchObject({ code: "VALIDATION" });
    const { rows } = await sql`select 1 from pii_access_log where user_id = ${head.actor.userId}`.execute(owner.db);
    expect(rows).toHaveLength(0);
  });
});

describe("listStaffOptions", () => {
  it("lists the area's departments in tree order with depth, and every position and rank", async () => {
    const options = await listStaffOptions({ ctx: await as("hr_clerk", fx.regions.district), now: NOW });
    const mine = options.departments.filter((d) => d.code.startsWith(fx.prefix));
    expect(mine.map((d) => [d.code.slice(fx.prefix.length + 1), d.depth])).toEqual([
      ["D", 0],
      ["CA", 1],
      ["GA", 2],
      ["CB", 1],
    ]);
    expect(options.positions.map((p) => p.id)).toEqual(expect.arrayContaining(Object.values(fx.positions)));
  });
});

describe("listGridGaps", () => {
  it("lists basic grids without a 专职网格员 today and posts ending within 30 days", async () => {
    const [g1, g2, g3] = fx.regions.gridsA;
    // clear whatever the seed put on these grids, then: g1 held until further notice, g2 ending in 10 days, g3 empty
    await sql`delete from grid_post where region_id in (${g1}, ${g2}, ${g3})`.execute(owner.db);
    await sql`insert into grid_post (staff_id, region_id, grid_role, valid_from, valid_to) values
      (${fx.staff.workerA}, ${g1}, 'full_time', '2026-01-01', null),
      (${fx.staff.workerB}, ${g2}, 'full_time', '2026-01-01', '2026-12-13'),
      (${fx.staff.headA}, ${g3}, 'full_time', '2025-01-01', '2026-06-01')`.execute(owner.db);
    const hr = await as("hr_clerk", fx.regions.district);
    const gaps = await listGridGaps({ ctx: hr, input: { regionId: fx.regions.xiaoquA }, now: NOW });
    const byId = new Map(gaps.gaps.map((g) => [g.regionId, g]));
    expect(byId.has(g1)).toBe(false);
    expect(byId.get(g2)).toMatchObject({ kind: "ending", staffId: fx.staff.workerB, endsOn: "2026-12-13", nextStartsOn: null });
    expect(byId.get(g3)).toMatchObject({ kind: "vacant", vacantSince: "2026-06-01", staffId: null });
    expect(gaps.today).toBe("2026-12-03");
    expect(gaps.vacantCount).toBe(gaps.gaps.filter((g) => g.kind === "vacant").length);
    // vacant first
    expect(gaps.gaps.findIndex((g) => g.kind === "ending")).toBeGreaterThanOrEqual(gaps.vacantCount);

    // a successor starting on the end day closes the gap; a horizon shorter than the remaining days hides it
    await sql`insert into grid_post (staff_id, region_id, grid_role, valid_from) values (${fx.staff.headA}, ${g2}, 'full_time', '2026-12-13')`.execute(
      owner.db,
    );
    const after = await listGridGaps({ ctx: hr, input: { regionId: fx.regions.xiaoquA }, now: NOW });
    expect(after.gaps.some((g) => g.regionId === g2)).toBe(false);
  });

  it("answers NOT_FOUND for a region outside the area", async () => {
    const head = await as("community_head", fx.regions.communityA);
    await expect(listGridGaps({ ctx: head, input: { regionId: fx.regions.communityB } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
