import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../../db/client";
import { contextWithAssignments, type RequestContext } from "../../context";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { makeDepartment, makeStaff } from "../../testing/attendance-org-fixtures";
import { withSeededDistrict } from "../../testing/seeded-district";
import { closeAttendanceRule } from "./close-attendance-rule";
import { listAttendanceRules } from "./list-attendance-rules";
import { saveAttendanceRule } from "./save-attendance-rule";

const e = attendancePoints.rules.errors;
let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

let hr: RequestContext;
let streetHr: RequestContext;
let ids: { inStreet: number; otherStreet: number; person: number };

beforeAll(async () => {
  const { rows } = await sql<{ id: number }>`select id from region where level = 1 order by code limit 2`.execute(owner.db);
  const { rows: district } = await sql<{ id: number }>`select id from region where level = 0 limit 1`.execute(owner.db);
  const inStreet = await makeDepartment(owner.db, { code: "rv-a", name: "甲街道综治办", regionId: rows[0].id, level: 1 });
  const otherStreet = await makeDepartment(owner.db, { code: "rv-b", name: "乙街道综治办", regionId: rows[1].id, level: 1 });
  const person = await makeStaff(owner.db, { staffNo: "RV-1", name: "张三", departmentId: inStreet });
  ids = { inStreet, otherStreet, person };
  hr = await contextWithAssignments(app.db, [{ role: "hr_clerk", regionId: district[0].id }]);
  streetHr = await contextWithAssignments(app.db, [{ role: "hr_clerk", regionId: rows[0].id }]);
});

const rule = (over: Record<string, unknown> = {}) => ({
  name: "标准班",
  departmentId: ids.inStreet,
  start: "08:30",
  end: "17:30",
  lateGraceMinutes: 5,
  earlyGraceMinutes: 5,
  minWorkMinutes: 480,
  requiredPatrols: 2,
  allowOutsideWithReason: true,
  maxAccuracyM: 200,
  validFrom: "2026-01-01",
  validTo: "2026-07-01",
  ...over,
});

describe("attendance rule verbs", () => {
  it("stores a shift as minutes, audits it, and lists it with its holder", async () => {
    const { id, version } = await saveAttendanceRule({ ctx: hr, input: rule() });
    expect(version).toBe(1);
    const { rows } = await sql<{
      start_minute: number;
      end_minute: number;
    }>`select start_minute, end_minute from attendance_rule where id = ${id}`.execute(owner.db);
    expect(rows[0]).toEqual({ start_minute: 510, end_minute: 1050 });
    const { rows: audit } = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where entity = 'attendance_rule' and entity_id = ${String(id)} and action = 'attendance_rule.create'`.execute(
      owner.db,
    );
    expect(audit[0].n).toBe(1);
    const list = await listAttendanceRules({ ctx: hr, input: { departmentId: ids.inStreet } });
    expect(list.map((r) => [r.id, r.holderName, r.start, r.end, r.validTo])).toEqual([
      [id, "甲街道综治办", "08:30", "17:30", "2026-07-01"],
    ]);
  });

  it("refuses a period overlapping another rule of the same department with 409 and the clear message", async () => {
    await expect(saveAttendanceRule({ ctx: hr, input: rule({ validFrom: "2026-06-30", validTo: null }) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "该部门在此期间已有考勤规则",
    });
    // the day the first one ends is free (valid_to is exclusive)
    await expect(saveAttendanceRule({ ctx: hr, input: rule({ validFrom: "2026-07-01", validTo: null }) })).resolves.toMatchObject(
      { version: 1 },
    );
  });

  it("refuses a person's overlapping rule with the person's message", async () => {
    await saveAttendanceRule({ ctx: hr, input: rule({ departmentId: undefined, staffId: ids.person, validTo: null }) });
    await expect(
      saveAttendanceRule({
        ctx: hr,
        input: rule({ departmentId: undefined, staffId: ids.person, validFrom: "2026-03-01", validTo: null }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: e.overlapStaff });
  });

  it("refuses shifts that make no sense, field by field", async () => {
    await expect(saveAttendanceRule({ ctx: hr, input: rule({ start: "18:00", end: "09:00" }) })).rejects.toMatchObject({
      code: "VALIDATION",
      message: e.endBeforeStart,
      details: { end: e.endBeforeStart },
    });
    await expect(saveAttendanceRule({ ctx: hr, input: rule({ start: "09:00", end: "09:00" }) })).rejects.toMatchObject({
      message: e.endBeforeStart,
    });
    // 60-minute shift: 30 + 30 minutes of grace leave nothing; 30 + 29 leave a minute
    await expect(
      saveAttendanceRule({
        ctx: hr,
        input: rule({ start: "09:00", end: "10:00", lateGraceMinutes: 30, earlyGraceMinutes: 30, minWorkMinutes: 60 }),
      }),
    ).rejects.toMatchObject({ message: e.graceBeyondShift });
    await expect(
      saveAttendanceRule({ ctx: hr, input: rule({ start: "09:00", end: "12:00", minWorkMinutes: 181 }) }),
    ).rejects.toMatchObject({
      message: e.minWorkBeyondShift,
    });
    await expect(saveAttendanceRule({ ctx: hr, input: rule({ start: "25:00" }) })).rejects.toMatchObject({
      details: { start: e.badTime },
    });
    await expect(
      saveAttendanceRule({ ctx: hr, input: rule({ validFrom: "2026-05-01", validTo: "2026-05-01" }) }),
    ).rejects.toMatchObject({
      message: e.validToBeforeFrom,
    });
    await expect(saveAttendanceRule({ ctx: hr, input: rule({ staffId: ids.person }) })).rejects.toMatchObject({
      message: e.holderRequired,
    });
  });

  it("keeps to the caller's area: a department of another street is refused, and its rules are not listed", async () => {
    await expect(saveAttendanceRule({ ctx: streetHr, input: rule({ departmentId: ids.otherStreet }) })).rejects.toMatchObject({
      code: "VALIDATION",
      message: e.departmentOutside,
    });
    await saveAttendanceRule({ ctx: hr, input: rule({ departmentId: ids.otherStreet, validTo: null }) });
    const seen = await listAttendanceRules({ ctx: streetHr });
    expect(seen.some((r) => r.departmentId === ids.otherStreet)).toBe(false);
    expect(seen.some((r) => r.departmentId === ids.inStreet)).toBe(true);
  });

  it("edits with the version it read and closes a rule from a date", async () => {
    const { id } = await saveAttendanceRule({
      ctx: hr,
      input: rule({ departmentId: undefined, staffId: ids.person, validFrom: "2025-01-01", validTo: "2025-06-01" }),
    });
    const edited = await saveAttendanceRule({
      ctx: hr,
      input: rule({
        id,
        expectedVersion: 1,
        departmentId: undefined,
        staffId: ids.person,
        validFrom: "2025-01-01",
        validTo: "2025-06-01",
        start: "09:00",
      }),
    });
    expect(edited.version).toBe(2);
    await expect(
      saveAttendanceRule({
        ctx: hr,
        input: rule({
          id,
          expectedVersion: 1,
          departmentId: undefined,
          staffId: ids.person,
          validFrom: "2025-01-01",
          validTo: "2025-06-01",
        }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      closeAttendanceRule({ ctx: hr, input: { id, expectedVersion: 2, validTo: "2025-07-01" } }),
    ).rejects.toMatchObject({ message: e.alreadyClosed });
    await expect(
      closeAttendanceRule({ ctx: hr, input: { id, expectedVersion: 2, validTo: "2025-01-01" } }),
    ).rejects.toMatchObject({ message: e.closeBeforeFrom });
    const closed = await closeAttendanceRule({ ctx: hr, input: { id, expectedVersion: 2, validTo: "2025-03-01" } });
    expect(closed.version).toBe(3);
    const { rows } = await sql<{
      valid_to: string;
    }>`select to_char(valid_to, 'YYYY-MM-DD') as valid_to from attendance_rule where id = ${id}`.execute(owner.db);
    expect(rows[0].valid_to).toBe("2025-03-01");
  });

  it("refuses a role without attendance.configure", async () => {
    const { rows } = await sql<{ id: number }>`select id from region where level = 0 limit 1`.execute(owner.db);
    const commander = await contextWithAssignments(app.db, [{ role: "district_commander", regionId: rows[0].id }]);
    await expect(saveAttendanceRule({ ctx: commander, input: rule() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
