import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../../db/client";
import { insertAttendanceRule, type AttendanceRuleValues } from "../../../db/queries/attendance-rule";
import { makeDepartment, makeJob, makeStaff } from "../../testing/attendance-org-fixtures";
import { withSeededDistrict } from "../../testing/seeded-district";
import { DEFAULT_ATTENDANCE_RULE } from "./default-attendance-rule";
import { resolveAttendanceRule } from "./resolve-attendance-rule";

let owner: Connection;
withSeededDistrict((c) => {
  owner = c;
});

const base: Omit<AttendanceRuleValues, "name" | "departmentId" | "staffId" | "validFrom" | "validTo"> = {
  startMinute: 540,
  endMinute: 1020,
  lateGraceMinutes: 5,
  earlyGraceMinutes: 5,
  minWorkMinutes: 480,
  requiredPatrols: 0,
  allowOutsideWithReason: true,
  maxAccuracyM: 200,
};

let ids: { district: number; street: number; grid: number; other: number; alice: number; bob: number; carol: number };
let rules: { district: number; grid: number; alice: number };

beforeAll(async () => {
  const db = owner.db;
  const { rows } = await sql<{ id: number }>`select id from region order by level, code limit 1`.execute(db);
  const regionId = rows[0].id;
  const district = await makeDepartment(db, { code: "rr-district", name: "区指挥中心", regionId, kind: "command" });
  const street = await makeDepartment(db, { code: "rr-street", name: "街道办", regionId, parentId: district, level: 1 });
  const grid = await makeDepartment(db, {
    code: "rr-grid",
    name: "网格工作站",
    regionId,
    parentId: street,
    level: 2,
    kind: "grid_office",
  });
  const other = await makeDepartment(db, { code: "rr-other", name: "无规则部门", regionId, kind: "bureau" });
  const alice = await makeStaff(db, { staffNo: "RR-1", name: "甲", departmentId: grid });
  const bob = await makeStaff(db, { staffNo: "RR-2", name: "乙", departmentId: grid });
  const carol = await makeStaff(db, { staffNo: "RR-3", name: "丙", departmentId: other });
  // Bob was in the street office until 2026-06-01, then moved to the grid office.
  await makeJob(db, bob, street, "2020-01-01", "2026-06-01");
  await makeJob(db, bob, grid, "2026-06-01", null);
  ids = { district, street, grid, other, alice, bob, carol };
  const rule = (name: string, v: Partial<AttendanceRuleValues>) =>
    insertAttendanceRule(
      db,
      { ...base, name, departmentId: null, staffId: null, validFrom: "2026-01-01", validTo: null, ...v },
      null,
    );
  rules = {
    district: (await rule("全区", { departmentId: district, startMinute: 510 })).id,
    grid: (await rule("网格站", { departmentId: grid, startMinute: 480, requiredPatrols: 2, validFrom: "2026-03-01" })).id,
    alice: (await rule("甲个人", { staffId: alice, startMinute: 600, validFrom: "2026-05-01", validTo: "2026-05-08" })).id,
  };
});

describe("resolveAttendanceRule", () => {
  it("takes the person's own rule over the department's while it is in force", async () => {
    const r = await resolveAttendanceRule(owner.db, ids.alice, "2026-05-07");
    expect(r).toMatchObject({
      source: "person",
      ruleId: rules.alice,
      startMinute: 600,
      departmentId: ids.grid,
      ruleDepartmentId: null,
    });
  });

  it("falls back to the department's rule the day the person's rule ends (valid_to is exclusive)", async () => {
    const r = await resolveAttendanceRule(owner.db, ids.alice, "2026-05-08");
    expect(r).toMatchObject({ source: "department", ruleId: rules.grid, startMinute: 480, requiredPatrols: 2 });
  });

  it("takes the nearest ancestor department's rule before the department's own rule begins", async () => {
    const r = await resolveAttendanceRule(owner.db, ids.alice, "2026-02-28");
    expect(r).toMatchObject({ source: "ancestor", ruleId: rules.district, ruleDepartmentId: ids.district, startMinute: 510 });
  });

  it("uses the department the person belonged to on that day (a transfer changes the rule from its date)", async () => {
    expect(await resolveAttendanceRule(owner.db, ids.bob, "2026-05-31")).toMatchObject({
      source: "ancestor",
      ruleId: rules.district,
      departmentId: ids.street,
    });
    expect(await resolveAttendanceRule(owner.db, ids.bob, "2026-06-01")).toMatchObject({
      source: "department",
      ruleId: rules.grid,
      departmentId: ids.grid,
    });
  });

  it("gives the documented default when no rule applies anywhere up the tree", async () => {
    const r = await resolveAttendanceRule(owner.db, ids.carol, "2026-05-07");
    expect(r).toEqual({
      source: "default",
      ruleId: null,
      name: expect.any(String),
      departmentId: ids.other,
      ruleDepartmentId: null,
      ...DEFAULT_ATTENDANCE_RULE,
    });
    const before = await resolveAttendanceRule(owner.db, ids.alice, "2025-12-31");
    expect(before.source).toBe("default");
  });

  it("gives the default with no department for an unknown person", async () => {
    const r = await resolveAttendanceRule(owner.db, 987654321, "2026-05-07");
    expect(r).toMatchObject({ source: "default", departmentId: null });
  });
});
