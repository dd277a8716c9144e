import { beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { withSeededDistrict } from "../testing/seeded-district";
import { runCaseClock } from "./run-clock";

/**
 * The case clock against the small seeded district: cases are written straight into case_record as the
 * owner (fixed instants), the pass runs at fixed `now`s, and the rows it leaves are checked.
 */
let conn: Connection;
withSeededDistrict((c) => {
  conn = c;
});

const T0 = new Date("2026-11-23T01:00:00.000Z"); // Monday 09:00 in Beijing
const at = (minutes: number, ms = 0) => new Date(T0.getTime() + minutes * 60_000 + ms);
const YELLOW = at(80);
const DEADLINE = at(100);

type NewCase = {
  state?: string;
  stage?: string | null;
  level?: "grid" | "community" | "street" | "district";
  light?: string | null;
  yellowAt?: Date | null;
  deadlineAt?: Date | null;
  leadUnitId?: number | null;
};

let grid: { id: number; path: string; district_code: string; lon: number; lat: number };
let category: { id: number; kind: string };
let unitId: number;

async function insertCase(c: NewCase = {}): Promise<{ id: number; number: string }> {
  const { sql } = conn;
  const [row] = await sql<{ id: number; number: string }[]>`
    insert into case_record (district_code, source, channel, kind, category_id, description, geom, grid_id, region_path, urgency, level, state,
                             stage, stage_started_at, yellow_at, deadline_at, light, light_changed_at, lead_unit_id, reported_at, updated_at)
    values (${grid.district_code}, 'grid_worker', 'console', ${category.kind}, ${category.id}, '测试案件', st_setsrid(st_makepoint(${grid.lon}, ${grid.lat}), 4326),
            ${grid.id}, ${grid.path}::ltree, 'general', ${c.level ?? "grid"}, ${c.state ?? "acknowledged"},
            ${c.stage === undefined ? "handle" : c.stage}, ${T0}, ${c.yellowAt === undefined ? YELLOW : c.yellowAt}, ${c.deadlineAt === undefined ? DEADLINE : c.deadlineAt},
            ${c.light === undefined ? "green" : c.light}, ${T0}, ${c.leadUnitId === undefined ? unitId : c.leadUnitId}, ${T0}, ${T0})
    returning id, number`;
  return row;
}

async function caseRow(id: number) {
  const [row] = await conn.sql<
    {
      light: string | null;
      level: string;
      version: number;
      updated_at: Date;
      light_changed_at: Date;
      reminded_for_deadline: Date | null;
      escalated_for_deadline: Date | null;
      state: string;
    }[]
  >`select light, level, version, updated_at, light_changed_at, reminded_for_deadline, escalated_for_deadline, state from case_record where id = ${id}`;
  return row;
}

async function noticesOf(id: number) {
  return conn.sql<{ kind: string; level: string; unit_id: number | null; region_path: string; message: string }[]>`
    select kind, level, unit_id, region_path::text as region_path, message from case_notice where case_id = ${id} order by id`;
}

async function eventsOf(id: number) {
  return conn.sql<
    {
      action: string;
      actor_name: string;
      actor_user_id: number | null;
      from_state: string;
      to_state: string;
      from_level: string;
      to_level: string;
      note: string;
      at: Date;
    }[]
  >`
    select action, actor_name, actor_user_id, from_state, to_state, from_level, to_level, note, at from case_event where case_id = ${id} order by id`;
}

async function caseLayerVersion(): Promise<number> {
  const [row] = await conn.sql<
    { version: number }[]
  >`select coalesce((select version from layer_version where layer = 'case'), 0)::int as version`;
  return row.version;
}

const pass = (now: Date) => runCaseClock(conn.db, now);

beforeEach(async () => {
  const { sql } = conn;
  await sql`delete from case_record`;
  await sql`update escalation_rule set auto_on_red = (level <> 'district')`;
  [grid] = await sql<(typeof grid)[]>`
    select id, path::text as path, district_code, st_x(st_pointonsurface(geom)) as lon, st_y(st_pointonsurface(geom)) as lat
      from region where level = 4 and households > 0 order by code limit 1`;
  [category] = await sql<(typeof category)[]>`select id, kind from case_category where code = 'event.exposed_garbage'`;
  [{ id: unitId }] = await sql<{ id: number }[]>`select id from case_unit where code = 'dept.cg'`;
});

describe("lights", () => {
  it("turns yellow exactly at yellow_at, stays yellow at the deadline, red 1 ms after it", async () => {
    const c = await insertCase();
    expect((await pass(at(79, 59_999))).lights).toBe(0);
    expect((await caseRow(c.id)).light).toBe("green");

    const yellow = await pass(YELLOW);
    expect(yellow).toMatchObject({ lights: 1, toYellow: 1, toRed: 0 });
    expect(await caseRow(c.id)).toMatchObject({ light: "yellow", light_changed_at: YELLOW });

    expect((await pass(DEADLINE)).lights).toBe(0);
    expect((await caseRow(c.id)).light).toBe("yellow");

    const red = await pass(at(100, 1));
    expect(red).toMatchObject({ lights: 1, toRed: 1 });
    expect(await caseRow(c.id)).toMatchObject({ light: "red", light_changed_at: at(100, 1) });
  });

  it("changes neither version nor updated_at for a light change", async () => {
    const c = await insertCase({ level: "district" });
    await pass(YELLOW);
    const row = await caseRow(c.id);
    expect(row.light).toBe("yellow");
    expect(row.version).toBe(1);
    expect(row.updated_at).toEqual(T0);
  });

  it("turns a stale light back to green when the deadline moved away (an extension)", async () => {
    const c = await insertCase({ light: "yellow" });
    const result = await pass(at(10));
    expect(result).toMatchObject({ toGreen: 1 });
    expect((await caseRow(c.id)).light).toBe("green");
  });

  it("leaves suspended, closed and untimed cases alone", async () => {
    const suspended = await insertCase({ state: "suspended", stage: "handle", light: null, deadlineAt: at(1), yellowAt: at(0) });
    const closed = await insertCase({ state: "closed", stage: null, light: "green", deadlineAt: at(1), yellowAt: at(0) });
    const evaluated = await insertCase({ state: "evaluated", stage: null, light: null, deadlineAt: null, yellowAt: null });
    const cancelled = await insertCase({ state: "cancelled", stage: "accept", light: null, deadlineAt: at(1), yellowAt: at(0) });
    const result = await pass(at(10_000));
    expect(result.updated).toBe(0);
    for (const c of [suspended, closed, evaluated, cancelled]) {
      const row = await caseRow(c.id);
      expect(row.version).toBe(1);
      expect(row.reminded_for_deadline).toBeNull();
      expect(await noticesOf(c.id)).toEqual([]);
    }
    expect((await caseRow(closed.id)).light).toBe("green");
    expect((await caseRow(suspended.id)).light).toBeNull();
  });
});

describe("reminders (临期提醒)", () => {
  it("reminds the lead unit once per deadline, at the case's level, naming the case", async () => {
    const c = await insertCase({ level: "street" });
    expect((await pass(YELLOW)).reminders).toBe(1);
    expect((await pass(at(90))).reminders).toBe(0);
    expect((await pass(at(95))).updated).toBe(0);
    const notices = await noticesOf(c.id);
    expect(notices).toEqual([
      { kind: "reminder", level: "street", unit_id: unitId, region_path: grid.path, message: expect.stringContaining(c.number) },
    ]);
    expect(notices[0].message).toContain("临期提醒");
    // The deadline in Beijing time: 2026-11-23 10:40.
    expect(notices[0].message).toContain("2026-11-23 10:40");
    expect((await caseRow(c.id)).reminded_for_deadline).toEqual(DEADLINE);
  });

  it("reminds the level's office (no unit) when the case has no lead unit yet", async () => {
    const c = await insertCase({ state: "filed", stage: "dispatch", leadUnitId: null, level: "community" });
    await pass(YELLOW);
    expect(await noticesOf(c.id)).toMatchObject([{ kind: "reminder", level: "community", unit_id: null }]);
  });

  it("reminds again for a new deadline", async () => {
    const c = await insertCase({ level: "district" });
    await pass(YELLOW);
    await conn.sql`update case_record set yellow_at = ${at(200)}, deadline_at = ${at(300)}, light = 'green' where id = ${c.id}`;
    await pass(at(150));
    expect((await noticesOf(c.id)).filter((n) => n.kind === "reminder")).toHaveLength(1);
    await pass(at(200));
    expect((await noticesOf(c.id)).filter((n) => n.kind === "reminder")).toHaveLength(2);
  });

  it("a case that jumps straight from green to red gets its reminder too", async () => {
    const c = await insertCase({ level: "district" });
    const result = await pass(at(500));
    expect(result).toMatchObject({ reminders: 1, redWarnings: 1, escalations: 0, toRed: 1 });
    expect((await noticesOf(c.id)).map((n) => n.kind)).toEqual(["reminder", "red_warning"]);
  });
});

describe("red warning and automatic escalation (红灯预警, 小问题不出网格)", () => {
  it("warns the supervising level once and escalates a grid case to the community, once per deadline", async () => {
    const c = await insertCase({ level: "grid" });
    await pass(YELLOW);
    const before = await caseRow(c.id);
    const red = await pass(at(100, 1));
    expect(red).toMatchObject({ redWarnings: 1, escalations: 1 });

    const row = await caseRow(c.id);
    expect(row).toMatchObject({
      level: "community",
      version: before.version + 1,
      state: "acknowledged",
      light: "red",
      escalated_for_deadline: DEADLINE,
    });
    expect(row.updated_at).toEqual(at(100, 1));

    const events = await eventsOf(c.id);
    expect(events).toEqual([
      {
        action: "auto_escalate",
        actor_name: "系统（时限监控）",
        actor_user_id: null,
        from_state: "acknowledged",
        to_state: "acknowledged",
        from_level: "grid",
        to_level: "community",
        note: expect.stringContaining("超过时限自动上报"),
        at: at(100, 1),
      },
    ]);
    expect(events[0].note).toContain("由网格上报至社区");

    const notices = await noticesOf(c.id);
    expect(notices.map((n) => [n.kind, n.level])).toEqual([
      ["reminder", "grid"],
      ["red_warning", "community"],
      ["escalated", "community"],
    ]);
    expect(notices.every((n) => n.region_path === grid.path && n.message.includes(c.number))).toBe(true);
    // Written in the same minute, the warning and the escalation tell one story: risen from the grid, at the
    // community now (never "已上报至社区" beside "目前在网格层级办理").
    expect(notices.slice(1).map((n) => n.message)).toEqual([
      `红灯预警：案件 ${c.number} 已超过处置时限，已由网格层级自动上报至社区层级，现由社区层级办理，请督促处理。`,
      `案件 ${c.number} 已由网格层级上报至社区层级，现由社区层级办理，请派遣处理。`,
    ]);

    // The same deadline never escalates or warns again.
    const again = await pass(at(200));
    expect(again.updated).toBe(0);
    expect((await caseRow(c.id)).level).toBe("community");
    expect(await eventsOf(c.id)).toHaveLength(1);
  });

  it("climbs the ladder one step per deadline and stops at the district, which only warns", async () => {
    const c = await insertCase({ level: "grid" });
    const levels: string[] = [];
    for (let round = 0; round < 4; round++) {
      const deadline = at(100 + round * 1000);
      await conn.sql`update case_record set yellow_at = ${at(80 + round * 1000)}, deadline_at = ${deadline} where id = ${c.id}`;
      await pass(at(100 + round * 1000, 1));
      levels.push((await caseRow(c.id)).level);
    }
    expect(levels).toEqual(["community", "street", "district", "district"]);
    expect((await eventsOf(c.id)).map((e) => `${e.from_level}→${e.to_level}`)).toEqual([
      "grid→community",
      "community→street",
      "street→district",
    ]);
    const warnings = (await noticesOf(c.id)).filter((n) => n.kind === "red_warning").map((n) => n.level);
    // grid → community warns the community, community the street, street and district the district.
    expect(warnings).toEqual(["community", "street", "district", "district"]);
    expect((await caseRow(c.id)).version).toBe(4);
  });

  it("a district case turns red with a warning and no escalation", async () => {
    const c = await insertCase({ level: "district" });
    const result = await pass(at(100, 1));
    expect(result).toMatchObject({ redWarnings: 1, escalations: 0 });
    expect(await caseRow(c.id)).toMatchObject({ level: "district", version: 1, light: "red" });
    expect(await eventsOf(c.id)).toEqual([]);
  });

  it("a rule without auto_on_red only warns", async () => {
    await conn.sql`update escalation_rule set auto_on_red = false where level = 'community'`;
    const c = await insertCase({ level: "community" });
    const result = await pass(at(100, 1));
    expect(result).toMatchObject({ redWarnings: 1, escalations: 0 });
    expect(await caseRow(c.id)).toMatchObject({ level: "community", version: 1, light: "red", escalated_for_deadline: DEADLINE });
    expect((await noticesOf(c.id)).map((n) => [n.kind, n.level])).toEqual([
      ["reminder", "community"],
      ["red_warning", "street"],
    ]);
  });
});

describe("a pass", () => {
  it("changes nothing the second time at the same now, and bumps the case layer only when it wrote", async () => {
    await insertCase({ level: "grid" });
    await insertCase({ level: "street", deadlineAt: at(5000), yellowAt: at(4000) });
    await insertCase({ level: "district", light: null, state: "reported", stage: "accept", leadUnitId: null });
    const v0 = await caseLayerVersion();
    const first = await pass(at(100, 1));
    expect(first.updated).toBe(2);
    const v1 = await caseLayerVersion();
    expect(v1).toBe(v0 + 1);
    const snapshot = await conn.sql`select id, light, level, version, updated_at, light_changed_at from case_record order by id`;
    const notices = await conn.sql`select count(*)::int as n from case_notice`;

    const second = await pass(at(100, 1));
    expect(second).toMatchObject({ updated: 0, lights: 0, reminders: 0, redWarnings: 0, escalations: 0 });
    expect(await conn.sql`select id, light, level, version, updated_at, light_changed_at from case_record order by id`).toEqual(
      snapshot,
    );
    expect(await conn.sql`select count(*)::int as n from case_notice`).toEqual(notices);
    expect(await caseLayerVersion()).toBe(v1);
  });

  it("leaves a case a transition changed meanwhile for the next pass, instead of acting on its old stage", async () => {
    const c = await insertCase({ level: "grid" });
    // A transition (report back: a new verify stage, far from its deadline) holds the row, uncommitted.
    const other = await conn.sql.reserve();
    try {
      await other`begin`;
      await other`update case_record set state = 'reported_back', stage = 'verify', yellow_at = ${at(4000)}, deadline_at = ${at(5000)}, light = 'green', version = 2 where id = ${c.id}`;
      const running = pass(at(100, 1)); // waits for the row
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other`commit`;
      expect(await running).toMatchObject({ updated: 0, escalations: 0, reminders: 0 });
    } finally {
      other.release();
    }
    expect(await caseRow(c.id)).toMatchObject({
      state: "reported_back",
      level: "grid",
      version: 2,
      light: "green",
      escalated_for_deadline: null,
    });
    expect(await noticesOf(c.id)).toEqual([]);
    expect(await eventsOf(c.id)).toEqual([]);
  });

  it("skips while another pass holds the clock's lock", async () => {
    await insertCase();
    let result: Awaited<ReturnType<typeof pass>> | undefined;
    await conn.sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtext('gridatlas.case-clock'))`;
      result = await pass(YELLOW);
    });
    expect(result).toMatchObject({ skipped: true, updated: 0 });
    expect((await pass(YELLOW)).skipped).toBe(false);
  });
});
