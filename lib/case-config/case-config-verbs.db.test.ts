import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { loadCaseConfig } from "../case/case-config";
import { dayClassOf } from "../case/working-calendar";
import { contextWithAssignments, type RequestContext } from "../context";
import { narrowedTo, withSeededDistrict } from "../testing/seeded-district";
import { deleteCalendarDay } from "./delete-calendar-day";
import { deleteRoutingRule } from "./delete-routing-rule";
import { deleteTimeLimit } from "./delete-time-limit";
import { listCalendarDays } from "./list-calendar-days";
import { listConfigCategories } from "./list-config-categories";
import { listRoutingRules } from "./list-routing-rules";
import { listTimeLimits } from "./list-time-limits";
import { resetCaseConfigForTests } from "../testing/reset-case-config";
import { saveCalendarDay } from "./save-calendar-day";
import { saveRoutingRule } from "./save-routing-rule";
import { saveTimeLimit } from "./save-time-limit";
import { updateCaseSetting } from "./update-case-setting";
import { updateCategory } from "./update-category";
import { updateEscalationRule } from "./update-escalation-rule";

let owner: Connection;
let app: Connection;
let admin: RequestContext;

withSeededDistrict((c, ctx, a) => {
  owner = c;
  app = a;
  admin = ctx;
});

type Ids = {
  garbage: number;
  manhole: number;
  dispute: number;
  cg: number;
  sw: number;
  zj: number;
  inactive: number;
  streets: { id: number; path: string }[];
};
let ids: Ids;

beforeAll(async () => {
  await resetCaseConfigForTests(owner.db);
  const one = async (q: ReturnType<typeof sql<{ id: number }>>) => (await q.execute(owner.db)).rows[0].id;
  const { rows: streets } = await sql<{
    id: number;
    path: string;
  }>`select id, path::text as path from region where level = 1 order by code limit 2`.execute(owner.db);
  ids = {
    garbage: await one(sql`select id from case_category where code = 'event.exposed_garbage'`),
    manhole: await one(sql`select id from case_category where code = 'component.manhole'`),
    dispute: await one(sql`select id from case_category where code = 'dispute.family'`),
    cg: await one(sql`select id from case_unit where code = 'dept.cg'`),
    sw: await one(sql`select id from case_unit where code = 'dept.sw'`),
    zj: await one(sql`select id from case_unit where code = 'dept.zj'`),
    inactive: await one(sql`update case_unit set active = false where code = 'dept.jy' returning id`),
    streets,
  };
});

// The test database is shared: leave the configuration as the migration shipped it.
afterAll(async () => {
  await resetCaseConfigForTests(owner.db);
});

async function auditCount(action: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action}`.execute(owner.db);
  return rows[0].n;
}

async function lastAudit(action: string) {
  const { rows } = await sql<{
    before: unknown;
    after: unknown;
    entity_id: string;
  }>`select before, after, entity_id from audit_log where action = ${action} order by id desc limit 1`.execute(owner.db);
  return rows[0];
}

describe("permissions", () => {
  it("only roles with case.configure read or change the configuration", async () => {
    const head = await contextWithAssignments(app.db, [{ role: "community_head", regionId: ids.streets[0].id }]);
    await expect(listConfigCategories({ ctx: head })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateCategory({
        ctx: head,
        input: { id: ids.garbage, expectedVersion: 1, name: "x", defaultLevel: "grid", defaultUrgency: "general", active: true },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const sysadmin = await contextWithAssignments(app.db, [
      {
        role: "system_admin",
        regionId: (await sql<{ id: number }>`select id from region where level = 0`.execute(owner.db)).rows[0].id,
      },
    ]);
    expect((await listConfigCategories({ ctx: sysadmin })).length).toBeGreaterThan(40);
  });
});

describe("updateCategory", () => {
  it("renames with the version seen, audits before/after, and refuses a stale version", async () => {
    const [cat] = (await listConfigCategories({ ctx: admin })).filter((c) => c.id === ids.garbage);
    const before = await auditCount("case_config.category.update");
    const saved = await updateCategory({
      ctx: admin,
      input: {
        id: cat.id,
        expectedVersion: cat.version,
        name: "  暴露垃圾（含积存） ",
        defaultLevel: "grid",
        defaultUrgency: "urgent",
        active: true,
      },
    });
    expect(saved.version).toBe(cat.version + 1);
    expect(await auditCount("case_config.category.update")).toBe(before + 1);
    expect(await lastAudit("case_config.category.update")).toMatchObject({
      entity_id: String(cat.id),
      before: { name: cat.name, defaultLevel: cat.defaultLevel, version: cat.version },
      after: { name: "暴露垃圾（含积存）", defaultLevel: "grid", defaultUrgency: "urgent", version: cat.version + 1 },
    });
    // A second editor still holding the old version.
    await expect(
      updateCategory({
        ctx: admin,
        input: {
          id: cat.id,
          expectedVersion: cat.version,
          name: "别的名字",
          defaultLevel: "grid",
          defaultUrgency: "general",
          active: true,
        },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: `该配置已被他人修改（当前为版本 ${cat.version + 1}），请刷新页面查看最新内容后再修改。`,
    });
    expect(await auditCount("case_config.category.update")).toBe(before + 1);
  });

  it("validates with Chinese messages", async () => {
    await expect(
      updateCategory({
        ctx: admin,
        input: { id: ids.garbage, expectedVersion: 2, name: "  ", defaultLevel: "grid", defaultUrgency: "general", active: true },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", details: { name: "请填写名称。" } });
    await expect(
      updateCategory({
        ctx: admin,
        input: {
          id: ids.garbage,
          expectedVersion: 2,
          name: "x",
          defaultLevel: "city" as never,
          defaultUrgency: "general",
          active: true,
        },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", details: { defaultLevel: "请选择层级：网格、社区、街道（镇）或区。" } });
    await expect(
      updateCategory({
        ctx: admin,
        input: { id: 999999, expectedVersion: 1, name: "x", defaultLevel: "grid", defaultUrgency: "general", active: true },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("routing rules", () => {
  it("create, duplicate refused, update with version, stale refused, delete — each audited", async () => {
    const districtId = (await sql<{ id: number }>`select id from region where level = 0`.execute(owner.db)).rows[0].id;
    const input = {
      categoryId: ids.garbage,
      regionId: ids.streets[0].id,
      leadUnitId: ids.cg,
      coUnitIds: [ids.zj],
      autoDispatch: false,
    };
    const created = await saveRoutingRule({ ctx: admin, input });
    expect(created.version).toBe(1);
    expect(await lastAudit("case_config.routing_rule.create")).toMatchObject({
      after: {
        categoryId: ids.garbage,
        regionId: ids.streets[0].id,
        leadUnitId: ids.cg,
        coUnitIds: [ids.zj],
        autoDispatch: false,
      },
    });
    await expect(saveRoutingRule({ ctx: admin, input })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "该类别在该区域已有派遣规则，请直接编辑那一条。",
    });

    const listed = (await listRoutingRules({ ctx: admin, input: { categoryId: ids.garbage } })).rules;
    expect(listed.map((r) => r.regionId)).toEqual(expect.arrayContaining([districtId, ids.streets[0].id]));
    const mine = listed.find((r) => r.id === created.id)!;
    expect(mine).toMatchObject({
      leadUnitName: "区城市管理委员会（城管）",
      coUnitNames: ["区住房和城乡建设委员会"],
      autoDispatch: false,
    });

    const updated = await saveRoutingRule({
      ctx: admin,
      input: { ...input, id: created.id, expectedVersion: 1, leadUnitId: ids.sw, coUnitIds: [] },
    });
    expect(updated.version).toBe(2);
    await expect(saveRoutingRule({ ctx: admin, input: { ...input, id: created.id, expectedVersion: 1 } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(deleteRoutingRule({ ctx: admin, input: { id: created.id, expectedVersion: 1 } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const deletes = await auditCount("case_config.routing_rule.delete");
    await deleteRoutingRule({ ctx: admin, input: { id: created.id, expectedVersion: 2 } });
    expect(await auditCount("case_config.routing_rule.delete")).toBe(deletes + 1);
    await expect(deleteRoutingRule({ ctx: admin, input: { id: created.id, expectedVersion: 2 } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses units that are inactive or repeated, and regions outside the configurer's area", async () => {
    const base = {
      categoryId: ids.manhole,
      regionId: ids.streets[0].id,
      leadUnitId: ids.cg,
      coUnitIds: [] as number[],
      autoDispatch: true,
    };
    await expect(saveRoutingRule({ ctx: admin, input: { ...base, coUnitIds: [ids.cg] } })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { coUnitIds: "协办单位不能重复、不能与主办单位相同，最多 10 个。" },
    });
    await expect(saveRoutingRule({ ctx: admin, input: { ...base, leadUnitId: ids.inactive } })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { leadUnitId: "所选单位不存在或已停用。" },
    });
    const streetAdmin = narrowedTo(admin, ids.streets[0].path);
    await expect(saveRoutingRule({ ctx: streetAdmin, input: { ...base, regionId: ids.streets[1].id } })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { regionId: "该区域不存在或不在您的管辖范围内。" },
    });
  });
});

describe("time limits", () => {
  it("adds a specific row, refuses a duplicate, keeps the defaults whole", async () => {
    const created = await saveTimeLimit({
      ctx: admin,
      input: { categoryId: ids.manhole, urgency: "urgent", level: null, stage: "handle", amount: 12, unit: "natural_hours" },
    });
    await expect(
      saveTimeLimit({
        ctx: admin,
        input: { categoryId: ids.manhole, urgency: "urgent", level: null, stage: "handle", amount: 6, unit: "natural_hours" },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "已有相同类别、紧急程度、层级和环节的时限规则，请直接编辑那一条。",
    });
    const rows = await listTimeLimits({ ctx: admin });
    const general = rows.find((r) => r.isDefault && r.urgency === "general" && r.stage === "handle")!;
    expect(general).toMatchObject({ amount: 7, unit: "working_days" });
    await expect(
      deleteTimeLimit({ ctx: admin, input: { id: general.id, expectedVersion: general.version } }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: "默认时限（类别和层级均为“全部”）不能删除，只能修改。" });
    await expect(
      saveTimeLimit({
        ctx: admin,
        input: {
          id: general.id,
          expectedVersion: general.version,
          categoryId: ids.manhole,
          urgency: "general",
          level: null,
          stage: "handle",
          amount: 5,
          unit: "working_days",
        },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const changed = await saveTimeLimit({
      ctx: admin,
      input: {
        id: general.id,
        expectedVersion: general.version,
        categoryId: null,
        urgency: "general",
        level: null,
        stage: "handle",
        amount: 5,
        unit: "working_days",
      },
    });
    expect(changed.version).toBe(general.version + 1);
    expect(await lastAudit("case_config.time_limit.update")).toMatchObject({ before: { amount: 7 }, after: { amount: 5 } });
    await deleteTimeLimit({ ctx: admin, input: { id: created.id, expectedVersion: created.version } });
  });

  it("refuses amounts that are not whole, not positive, or absurdly long", async () => {
    const base = {
      categoryId: null,
      urgency: "general" as const,
      level: "street" as const,
      stage: "verify" as const,
      unit: "working_days" as const,
    };
    await expect(saveTimeLimit({ ctx: admin, input: { ...base, amount: 0 } })).rejects.toMatchObject({
      details: { amount: "时限数量必须是 1 到 100000 之间的整数。" },
    });
    await expect(saveTimeLimit({ ctx: admin, input: { ...base, amount: 1.5 } })).rejects.toMatchObject({
      details: { amount: "时限数量必须是 1 到 100000 之间的整数。" },
    });
    await expect(saveTimeLimit({ ctx: admin, input: { ...base, amount: 400 } })).rejects.toMatchObject({
      details: { amount: "时限过长：自然时间不超过 90 天，工作时间不超过 250 个工作日。" },
    });
  });
});

describe("working calendar", () => {
  it("adds, refuses a second row for the same day, updates with the version, deletes", async () => {
    // 2027-01-09 is a Saturday.
    const added = await saveCalendarDay({ ctx: admin, input: { day: "2027-01-09", kind: "workday", name: "元旦调休" } });
    expect(added).toEqual({ day: "2027-01-09", version: 1 });
    await expect(
      saveCalendarDay({ ctx: admin, input: { day: "2027-01-09", kind: "holiday", name: "重复" } }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "2027-01-09 已经登记过，请直接编辑。" });
    const updated = await saveCalendarDay({
      ctx: admin,
      input: { day: "2027-01-09", expectedVersion: 1, kind: "holiday", name: "元旦" },
    });
    expect(updated.version).toBe(2);
    await expect(
      saveCalendarDay({ ctx: admin, input: { day: "2027-01-09", expectedVersion: 1, kind: "holiday", name: "元旦" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const listed = await listCalendarDays({ ctx: admin, input: { year: 2027 } });
    expect(listed.days).toEqual([expect.objectContaining({ day: "2027-01-09", kind: "holiday", name: "元旦", version: 2 })]);
    expect(listed.years).toContain(2026);
    await deleteCalendarDay({ ctx: admin, input: { day: "2027-01-09", expectedVersion: 2 } });
    expect((await listCalendarDays({ ctx: admin, input: { year: 2027 } })).days).toEqual([]);
    expect(await lastAudit("case_config.calendar_day.delete")).toMatchObject({
      entity_id: "2027-01-09",
      before: { kind: "holiday", name: "元旦" },
    });
  });

  it("a swapped working day must be a weekend day; dates must be real", async () => {
    // 2027-01-06 is a Wednesday.
    await expect(
      saveCalendarDay({ ctx: admin, input: { day: "2027-01-06", kind: "workday", name: "调休" } }),
    ).rejects.toMatchObject({ code: "VALIDATION", details: { kind: "调休上班日必须是周六或周日（平日本来就上班）。" } });
    await expect(saveCalendarDay({ ctx: admin, input: { day: "2027-02-30", kind: "holiday", name: "x" } })).rejects.toMatchObject(
      { code: "VALIDATION", details: { day: "日期格式应为 YYYY-MM-DD。" } },
    );
  });

  it("a new holiday is in the configuration the case verbs load at once (the cache is dropped)", async () => {
    const before = await loadCaseConfig(app.db);
    expect(before.calendar.holidays.has("2027-05-03")).toBe(false);
    await saveCalendarDay({ ctx: admin, input: { day: "2027-05-03", kind: "holiday", name: "劳动节" } });
    const after = await loadCaseConfig(app.db);
    expect(after.calendar.holidays.has("2027-05-03")).toBe(true);
  });

  it("a holiday is statutory (300 %) or a moved rest day (200 %); a workday cannot be statutory", async () => {
    await saveCalendarDay({ ctx: admin, input: { day: "2027-10-01", kind: "holiday", statutory: true, name: "国庆节" } });
    await saveCalendarDay({ ctx: admin, input: { day: "2027-10-05", kind: "holiday", name: "国庆节" } });
    const listed = await listCalendarDays({ ctx: admin, input: { year: 2027 } });
    expect(listed.days.filter((d) => d.day.startsWith("2027-10")).map((d) => [d.day, d.statutory])).toEqual([
      ["2027-10-01", true],
      ["2027-10-05", false],
    ]);
    const config = await loadCaseConfig(app.db);
    expect([dayClassOf("2027-10-01", config.calendar), dayClassOf("2027-10-05", config.calendar)]).toEqual([
      "statutory",
      "moved_rest",
    ]);
    await expect(
      saveCalendarDay({ ctx: admin, input: { day: "2027-10-09", kind: "workday", statutory: true, name: "调休" } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("escalation rules", () => {
  it("updates with the version; notify never below the level; the district never rises by itself", async () => {
    const { rows } = await sql<{ version: number }>`select version from escalation_rule where level = 'community'`.execute(
      owner.db,
    );
    const v = rows[0].version;
    await expect(
      updateEscalationRule({
        ctx: admin,
        input: { level: "community", expectedVersion: v, autoOnRed: true, notifyLevel: "grid" },
      }),
    ).rejects.toMatchObject({ details: { notifyLevel: "红灯预警只能推送到本级或更高层级。" } });
    await expect(
      updateEscalationRule({
        ctx: admin,
        input: { level: "district", expectedVersion: 1, autoOnRed: true, notifyLevel: "district" },
      }),
    ).rejects.toMatchObject({ details: { autoOnRed: "区级已是最高层级，不能再自动上报。" } });
    const saved = await updateEscalationRule({
      ctx: admin,
      input: { level: "community", expectedVersion: v, autoOnRed: false, notifyLevel: "district" },
    });
    expect(saved.version).toBe(v + 1);
    expect((await loadCaseConfig(app.db)).escalation.get("community")).toEqual({ autoOnRed: false, notifyLevel: "district" });
    await expect(
      updateEscalationRule({
        ctx: admin,
        input: { level: "community", expectedVersion: v, autoOnRed: true, notifyLevel: "street" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("settings", () => {
  const version = async (key: string) =>
    (await sql<{ version: number }>`select version from case_setting where key = ${key}`.execute(owner.db)).rows[0].version;

  it("stores a checked value as JSON (not a JSON string) and the case verbs see it at once", async () => {
    await loadCaseConfig(app.db);
    await updateCaseSetting({
      ctx: admin,
      input: { key: "yellow_share", expectedVersion: await version("yellow_share"), value: 0.75 },
    });
    expect((await loadCaseConfig(app.db)).yellowShare).toBe(0.75);
    const { rows } = await sql<{
      t: string;
    }>`select jsonb_typeof(value) as t from case_setting where key = 'yellow_share'`.execute(owner.db);
    expect(rows[0].t).toBe("number");
    await updateCaseSetting({
      ctx: admin,
      input: {
        key: "working_hours",
        expectedVersion: await version("working_hours"),
        value: [
          [540, 720],
          [810, 1050],
        ],
      },
    });
    expect((await loadCaseConfig(app.db)).calendar.workingHours).toEqual([
      [540, 720],
      [810, 1050],
    ]);
    expect(await lastAudit("case_config.setting.update")).toMatchObject({
      entity_id: "working_hours",
      before: { value: [[540, 1020]] },
      after: {
        value: [
          [540, 720],
          [810, 1050],
        ],
      },
    });
  });

  it("the weight of 基本满意 in 满意率 is stored with the rate lists", async () => {
    const value = {
      closedStates: ["closed", "evaluated"],
      excludedStates: ["cancelled"],
      satisfiedLevels: ["very_satisfied", "satisfied", "fairly_satisfied"],
      ratedLevels: ["very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied", "very_dissatisfied"],
      fairlyWeight: 0.6,
    };
    await updateCaseSetting({ ctx: admin, input: { key: "rates", expectedVersion: await version("rates"), value } });
    const { rows } = await sql<{ value: unknown }>`select value from case_setting where key = 'rates'`.execute(owner.db);
    expect(rows[0].value).toEqual(value);
  });

  it("refuses values outside each setting's rule", async () => {
    const bad = async (key: string, value: unknown) =>
      updateCaseSetting({ ctx: admin, input: { key: key as never, expectedVersion: await version(key), value } });
    await expect(bad("yellow_share", 1.5)).rejects.toMatchObject({
      code: "VALIDATION",
      details: { input: "比例必须在 1% 到 99% 之间。" },
    });
    await expect(
      bad("working_hours", [
        [540, 720],
        [700, 1000],
      ]),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(bad("risk_bands", { importantFrom: 200, majorFrom: 160 })).rejects.toMatchObject({
      details: { majorFrom: "风险分级下限必须为正数，且“重大”下限高于“重要”下限。" },
    });
    await expect(bad("duplicate_window", { meters: 5, hours: 72 })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      bad("rates", {
        closedStates: [],
        satisfiedLevels: ["satisfied"],
        ratedLevels: ["satisfied"],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const rates = { closedStates: ["closed", "evaluated"], satisfiedLevels: ["satisfied"], ratedLevels: ["satisfied"] };
    await expect(bad("rates", { ...rates, fairlyWeight: 1.5 })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { fairlyWeight: "“基本满意”的权重必须是 0 到 1 之间的数（如 0.8）。" },
    });
    await expect(
      updateCaseSetting({ ctx: admin, input: { key: "colour" as never, expectedVersion: 1, value: 1 } }),
    ).rejects.toMatchObject({ details: { key: "未知的参数。" } });
  });

  it("a stale version is a conflict", async () => {
    const v = await version("early_share");
    await updateCaseSetting({ ctx: admin, input: { key: "early_share", expectedVersion: v, value: 0.4 } });
    await expect(
      updateCaseSetting({ ctx: admin, input: { key: "early_share", expectedVersion: v, value: 0.6 } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
