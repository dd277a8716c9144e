import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { caseActor } from "../testing/case-actors";
import { withSeededDistrict } from "../testing/seeded-district";
import {
  deleteAllCases,
  insertTestCases,
  twoCommunities,
  type TestCase,
  type TwoCommunities,
} from "../testing/case-list-fixtures";
import { listMyTasks, type MyTasksDto, type TaskSectionKind } from "./list-my-tasks";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

let area: TwoCommunities;
let actors: Record<
  "worker" | "worker2" | "otherWorker" | "department" | "narrowDepartment" | "water" | "street" | "community" | "analyst" | "hr",
  RequestContext
>;
const ids: Record<string, number> = {};

const day = (n: number) => new Date(Date.now() + n * 86_400_000);

/** A test case with the facts the queues read beyond insertTestCases' columns. */
async function insertCase(name: string, c: TestCase & { reporter?: RequestContext; coUnits?: string[]; handledBy?: string }) {
  const [id] = await insertTestCases(owner.db, [{ description: name, ...c }]);
  await sql`
    update case_record set
      reporter_user_id = ${c.reporter?.actor.userId ?? null},
      co_unit_ids = coalesce((select array_agg(id order by id) from case_unit where code = any(${c.coUnits ?? []}::text[])), '{}'),
      handled_by_unit_id = (select id from case_unit where code = ${c.handledBy ?? null})
     where id = ${id}`.execute(owner.db);
  ids[name] = id;
}

const section = (tasks: MyTasksDto, kind: TaskSectionKind) => tasks.sections.find((s) => s.kind === kind);
const names = (tasks: MyTasksDto, kind: TaskSectionKind) => section(tasks, kind)?.items.map((i) => i.description);

beforeAll(async () => {
  area = await twoCommunities(owner.db);
  const district = (await owner.db.selectFrom("region").select("id").where("level", "=", 0).executeTakeFirstOrThrow()).id;
  actors = {
    worker: await caseActor(owner, app, "tasks_worker", "grid_worker", area.own.grid),
    worker2: await caseActor(owner, app, "tasks_worker2", "grid_worker", area.own.grid),
    otherWorker: await caseActor(owner, app, "tasks_other", "grid_worker", area.other.grid),
    department: await caseActor(owner, app, "tasks_dept", "department_handler", district, ["dept.cg"]),
    // the same department, assigned to one community only
    narrowDepartment: await caseActor(owner, app, "tasks_dept_narrow", "department_handler", area.own.community, ["dept.cg"]),
    water: await caseActor(owner, app, "tasks_water", "department_handler", district, ["dept.sw"]),
    street: await caseActor(owner, app, "tasks_street", "street_operator", area.street.id),
    community: await caseActor(owner, app, "tasks_community", "community_head", area.own.community),
    analyst: await caseActor(owner, app, "tasks_analyst", "analyst", district),
    hr: await caseActor(owner, app, "tasks_hr", "hr_clerk", district),
  };
  await deleteAllCases(owner.db);
  const own = area.own.grid;
  const other = area.other.grid;
  const at = day(-1);
  // handled by a unit
  await insertCase("派给城管-后到期", {
    gridId: own,
    state: "dispatched",
    level: "street",
    leadUnit: "dept.cg",
    deadlineAt: day(2),
    reportedAt: at,
  });
  await insertCase("城管协办-先到期", {
    gridId: own,
    state: "acknowledged",
    level: "street",
    leadUnit: "dept.zj",
    coUnits: ["dept.cg"],
    deadlineAt: day(1),
    reportedAt: at,
  });
  await insertCase("城管已处置-邻社区", {
    gridId: other,
    state: "handled",
    level: "street",
    leadUnit: "dept.cg",
    deadlineAt: null,
    reportedAt: at,
  });
  await insertCase("城管已反馈", {
    gridId: own,
    state: "reported_back",
    level: "community",
    leadUnit: "dept.cg",
    handledBy: "dept.cg",
    reportedAt: at,
    reporter: actors.worker2,
  });
  await insertCase("城管已结案", { gridId: own, state: "closed", level: "street", leadUnit: "dept.cg", reportedAt: at });
  // waiting for verification
  await insertCase("本人上报待核查", {
    gridId: own,
    state: "reported_back",
    level: "community",
    leadUnit: "dept.sw",
    reporter: actors.worker,
    reportedAt: at,
  });
  await insertCase("邻网格待核查", {
    gridId: other,
    state: "verifying",
    level: "community",
    leadUnit: "dept.sw",
    reportedAt: at,
  });
  // waiting at an office's level
  await insertCase("待街道受理", {
    gridId: own,
    state: "reported",
    level: "street",
    reportedAt: at,
    reporter: actors.worker,
    deadlineAt: day(1),
  });
  await insertCase("待社区派遣", { gridId: own, state: "filed", level: "community", reportedAt: at });
  await insertCase("邻社区退回街道", { gridId: other, state: "returned", level: "street", reportedAt: at });
  // the worker's old report
  await insertCase("一个月前上报", {
    gridId: own,
    state: "evaluated",
    level: "community",
    reportedAt: day(-40),
    reporter: actors.worker,
  });
});

describe("listMyTasks", () => {
  it("a department handler sees the cases the own unit leads or co-handles until it reports back, soonest deadline first", async () => {
    const tasks = await listMyTasks({ ctx: actors.department });
    // a department handler may report too, but has no reports here: no empty "mine" section
    expect(tasks.sections.map((s) => s.kind)).toEqual(["handle"]);
    expect(names(tasks, "handle")).toEqual(["城管协办-先到期", "派给城管-后到期", "城管已处置-邻社区"]);
    const items = section(tasks, "handle")!.items;
    expect(items.map((i) => i.coUnit)).toEqual([true, false, false]);
    expect(items[0]).toMatchObject({
      id: ids["城管协办-先到期"],
      number: expect.any(String),
      categoryName: "暴露垃圾",
      light: "green",
      state: "acknowledged",
    });
    expect(Date.parse(items[0].deadlineAt!)).toBeLessThan(Date.parse(items[1].deadlineAt!));
    expect(items[2].deadlineAt).toBeNull();
  });

  it("keeps a department handler to the own area and the own unit", async () => {
    expect(names(await listMyTasks({ ctx: actors.narrowDepartment }), "handle")).toEqual(["城管协办-先到期", "派给城管-后到期"]);
    expect(names(await listMyTasks({ ctx: actors.water }), "handle")).toEqual([]);
  });

  it("a grid worker sees the own grid's cases to verify (never the own report) and the own recent reports with their state", async () => {
    const tasks = await listMyTasks({ ctx: actors.worker });
    expect(tasks.sections.map((s) => s.kind)).toEqual(["verify", "mine"]);
    expect(names(tasks, "verify")).toEqual(["城管已反馈"]);
    const mine = section(tasks, "mine")!.items;
    expect(mine.map((i) => [i.description, i.state])).toEqual(
      [
        ["本人上报待核查", "reported_back"],
        ["待街道受理", "reported"],
      ].sort((x, y) => ids[y[0]] - ids[x[0]]),
    );
  });

  it("采办分离: the colleague who reported a case does not get it to verify", async () => {
    const tasks = await listMyTasks({ ctx: actors.worker2 });
    expect(names(tasks, "verify")).toEqual(["本人上报待核查"]);
    expect(names(tasks, "mine")).toEqual(["城管已反馈"]);
  });

  it("a grid worker of another grid sees only that grid", async () => {
    const tasks = await listMyTasks({ ctx: actors.otherWorker });
    expect(names(tasks, "verify")).toEqual(["邻网格待核查"]);
    expect(names(tasks, "mine")).toEqual([]);
  });

  it("an office sees the cases waiting at its own level inside its area", async () => {
    const street = await listMyTasks({ ctx: actors.street });
    expect(names(street, "office")).toEqual(["待街道受理", "邻社区退回街道"]);
    const community = await listMyTasks({ ctx: actors.community });
    expect(names(community, "office")).toEqual(["待社区派遣"]);
    // the community head verifies in the own community; the street office verifies street-level cases only
    expect(names(community, "verify")).toEqual(["城管已反馈", "本人上报待核查"].sort((x, y) => ids[x] - ids[y]));
    expect(names(street, "verify")).toEqual([]);
  });

  it("nothing to do for an analyst; a role without case.read is refused", async () => {
    expect((await listMyTasks({ ctx: actors.analyst })).sections).toEqual([]);
    await expect(listMyTasks({ ctx: actors.hr })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("marks a long queue as truncated at 50", async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({
      gridId: area.own.grid,
      state: "filed",
      level: "community",
      reportedAt: day(-1 - i / 100),
      description: `批量${i}`,
    }));
    const added = await insertTestCases(owner.db, many);
    try {
      const office = (await listMyTasks({ ctx: actors.community })).sections.find((s) => s.kind === "office")!;
      expect(office.items).toHaveLength(50);
      expect(office.truncated).toBe(true);
    } finally {
      await owner.db.deleteFrom("case_record").where("id", "in", added).execute();
    }
  });
});
