import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { caseActor } from "../testing/case-actors";
import {
  deleteAllCases,
  insertTestCases,
  twoCommunities,
  type TestCase,
  type TwoCommunities,
} from "../testing/case-list-fixtures";
import { withSeededDistrict } from "../testing/seeded-district";
import { listInbox, type InboxDto } from "./list-inbox";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

let area: TwoCommunities;
let actors: Record<"department" | "narrowDepartment" | "water" | "street", RequestContext>;

const day = (n: number) => new Date(Date.now() + n * 86_400_000);

/** A case with the facts the tabs read beyond insertTestCases' columns. */
async function insertCase(
  name: string,
  c: Omit<TestCase, "reportedAt"> & { coUnits?: string[]; reopenCount?: number; returnedBy?: string; coReportedBy?: string },
) {
  const [id] = await insertTestCases(owner.db, [{ description: name, level: "street", reportedAt: day(-3), ...c }]);
  await sql`
    update case_record set
      co_unit_ids = coalesce((select array_agg(id order by id) from case_unit where code = any(${c.coUnits ?? []}::text[])), '{}'),
      reopen_count = ${c.reopenCount ?? 0},
      dispatched_at = ${day(-2)}
     where id = ${id}`.execute(owner.db);
  for (const [action, unit] of [
    ["return", c.returnedBy],
    ["co_report_back", c.coReportedBy],
  ] as const) {
    if (!unit) continue;
    await sql`
      insert into case_event (case_id, actor_name, actor_unit_id, action, at)
      values (${id}, '测试', (select id from case_unit where code = ${unit}), ${action}, ${day(-1)})`.execute(owner.db);
  }
}

const names = (inbox: InboxDto) => inbox.cases.map((c) => c.description);

beforeAll(async () => {
  area = await twoCommunities(owner.db);
  const district = (await owner.db.selectFrom("region").select("id").where("level", "=", 0).executeTakeFirstOrThrow()).id;
  actors = {
    department: await caseActor(owner, app, "inbox_dept", "department_handler", district, ["dept.cg"]),
    narrowDepartment: await caseActor(owner, app, "inbox_dept_narrow", "department_handler", area.own.community, ["dept.cg"]),
    water: await caseActor(owner, app, "inbox_water", "department_handler", district, ["dept.sw"]),
    street: await caseActor(owner, app, "inbox_street", "street_operator", area.street.id),
  };
  await deleteAllCases(owner.db);
  const own = area.own.grid;
  const other = area.other.grid;
  await insertCase("待签收-后到期", { gridId: own, state: "dispatched", leadUnit: "dept.cg", deadlineAt: day(2) });
  await insertCase("待签收-已超期", {
    gridId: own,
    state: "dispatched",
    leadUnit: "dept.cg",
    deadlineAt: day(-1),
    light: "red",
    category: "dispute.property",
  });
  await insertCase("待签收-无时限", { gridId: own, state: "dispatched", leadUnit: "dept.cg", deadlineAt: null });
  await insertCase("待签收-邻社区", { gridId: other, state: "dispatched", leadUnit: "dept.cg", deadlineAt: null });
  await insertCase("办理中", { gridId: own, state: "acknowledged", leadUnit: "dept.cg", deadlineAt: day(3) });
  await insertCase("返工中", { gridId: own, state: "acknowledged", leadUnit: "dept.cg", deadlineAt: day(4), reopenCount: 1 });
  await insertCase("已处置未反馈", { gridId: own, state: "handled", leadUnit: "dept.cg", deadlineAt: day(1) });
  await insertCase("协办未反馈", {
    gridId: own,
    state: "acknowledged",
    leadUnit: "dept.zj",
    coUnits: ["dept.cg"],
    deadlineAt: day(5),
  });
  await insertCase("协办已反馈", {
    gridId: own,
    state: "acknowledged",
    leadUnit: "dept.zj",
    coUnits: ["dept.cg"],
    deadlineAt: day(5),
    coReportedBy: "dept.cg",
  });
  await insertCase("本部门退回", { gridId: own, state: "returned", leadUnit: null, deadlineAt: day(1), returnedBy: "dept.cg" });
  await insertCase("他部门退回", { gridId: own, state: "returned", leadUnit: null, deadlineAt: day(1), returnedBy: "dept.zj" });
  await insertCase("已反馈", { gridId: own, state: "reported_back", leadUnit: "dept.cg", deadlineAt: day(1) });
  await insertCase("已结案", { gridId: own, state: "closed", leadUnit: "dept.cg", deadlineAt: null, light: null });
  await insertCase("派给水务", { gridId: own, state: "dispatched", leadUnit: "dept.sw", deadlineAt: day(1) });
});

describe("listInbox", () => {
  it("counts every tab for the units the handler acts for, in one go", async () => {
    const inbox = await listInbox({ ctx: actors.department, input: {} });
    expect(inbox.units.map((u) => u.name)).toEqual(["区城市管理委员会（城管）"]);
    expect(inbox.counts).toEqual({ pending: 4, in_progress: 2, to_report: 2, sent_back: 2, overdue: 1 });
    expect(inbox.tab).toBe("pending");
  });

  it("lists each tab soonest deadline first, untimed last", async () => {
    const tab = async (t: string) => names(await listInbox({ ctx: actors.department, input: { tab: t } }));
    expect(await tab("pending")).toEqual(["待签收-已超期", "待签收-后到期", "待签收-无时限", "待签收-邻社区"]);
    expect(await tab("in_progress")).toEqual(["办理中", "返工中"]);
    // handled by us, and the co-unit's part still owed (not the one already reported)
    expect(await tab("to_report")).toEqual(["已处置未反馈", "协办未反馈"]);
    // sent back to us by verification (返工), and what we sent back that waits for the dispatcher
    expect(await tab("sent_back")).toEqual(["本部门退回", "返工中"]);
    expect(await tab("overdue")).toEqual(["待签收-已超期"]);
  });

  it("keeps to the handler's area and units", async () => {
    const narrow = await listInbox({ ctx: actors.narrowDepartment, input: {} });
    expect(narrow.counts.pending).toBe(3);
    expect(names(narrow)).not.toContain("待签收-邻社区");
    const water = await listInbox({ ctx: actors.water, input: {} });
    expect(water.counts).toEqual({ pending: 1, in_progress: 0, to_report: 0, sent_back: 0, overdue: 0 });
    expect(names(water)).toEqual(["派给水务"]);
  });

  it("gives an account without a unit an empty desk", async () => {
    const inbox = await listInbox({ ctx: actors.street, input: { tab: "overdue" } });
    expect(inbox).toEqual({
      units: [],
      counts: { pending: 0, in_progress: 0, to_report: 0, sent_back: 0, overdue: 0 },
      tab: "overdue",
      cases: [],
      nextCursor: null,
    });
  });

  it("walks a tab in keyset pages that neither skip nor repeat, past the untimed cases", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    const cursors: string[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await listInbox({ ctx: actors.department, input: { tab: "pending", limit: "1", after } });
      seen.push(...names(page));
      if (!page.nextCursor) break;
      cursors.push(page.nextCursor);
      after = page.nextCursor;
    }
    expect(seen).toEqual(["待签收-已超期", "待签收-后到期", "待签收-无时限", "待签收-邻社区"]);
    expect(cursors[2]).toMatch(/^n-[0-9]+$/);
  });

  it("filters by the light and by a category with its subtree", async () => {
    const red = await listInbox({ ctx: actors.department, input: { tab: "pending", light: "red" } });
    expect(names(red)).toEqual(["待签收-已超期"]);
    const dispute = await owner.db
      .selectFrom("case_category")
      .select("parent_id")
      .where("code", "=", "dispute.property")
      .executeTakeFirstOrThrow();
    const byParent = await listInbox({ ctx: actors.department, input: { tab: "pending", category: String(dispute.parent_id) } });
    expect(names(byParent)).toEqual(["待签收-已超期"]);
    // the badges count the whole tab, filters aside
    expect(byParent.counts.pending).toBe(4);
  });

  it("refuses an unknown tab or a malformed cursor in Chinese", async () => {
    await expect(listInbox({ ctx: actors.department, input: { tab: "all" } })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { tab: "待办分类不存在。" },
    });
    await expect(listInbox({ ctx: actors.department, input: { after: "1e3-5" } })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
