import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { Role } from "../auth/roles";
import { contextWithAssignments, type RequestContext } from "../context";
import { makeIdNumber } from "../pii/id-number";
import { decryptPii } from "../pii/protect";
import { createOrgFixture, type OrgFixture } from "../testing/org-fixtures";
import { withSeededDistrict } from "../testing/seeded-district";
import { assignGridPost } from "./assign-grid-post";
import { closeDepartment } from "./close-department";
import { createDepartment } from "./create-department";
import { createStaff } from "./create-staff";
import { endGridPost } from "./end-grid-post";
import { getStaffDetail } from "./get-staff-detail";
import { revealStaffField } from "./reveal-staff-field";
import { setStaffPhoto } from "./set-staff-photo";
import { updateStaff } from "./update-staff";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

let fx: OrgFixture;
let nextUserId = 1_200_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
async function as(role: Role, regionId: number): Promise<RequestContext> {
  const userId = nextUserId++;
  return contextWithAssignments(app.db, [{ role, regionId }], { userId, username: `orgw_${userId}`, displayName: "测试" });
}
const NOW = new Date("2026-12-03T04:00:00Z");

beforeAll(async () => {
  fx = await createOrgFixture(owner);
});

async function auditRows(ctx: RequestContext) {
  const { rows } = await sql<{ action: string; entity_id: string }>`
    select action, entity_id from audit_log where actor_user_id = ${ctx.actor.userId} order by id`.execute(owner.db);
  return rows;
}

describe("createStaff", () => {
  it("stores the identity number and phone encrypted with hash and masked copy, opens the job history, audits", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const idNumber = makeIdNumber({ addressCode: "110105", birthDate: "1988-08-08", ordinal: 7, gender: "F" });
    const { id } = await createStaff({
      ctx: hr,
      input: {
        staffNo: `${fx.prefix}-100`,
        name: "新人甲",
        gender: "female",
        departmentId: fx.departments.communityA,
        positionId: fx.positions.clerk,
        rankId: fx.ranks.r1,
        hireDate: "2026-11-01",
        idNumber: idNumber.toLowerCase(),
        phone: "138 0013 8000",
      },
    });
    const { rows } = await sql<{ c: Buffer; m: string; p: Buffer; pm: string }>`
      select id_number_cipher as c, id_number_masked as m, phone_cipher as p, phone_masked as pm from staff where id = ${id}`.execute(
      owner.db,
    );
    expect(decryptPii(rows[0].c)).toBe(idNumber);
    expect(rows[0].m).toBe(`110105********${idNumber.slice(-4)}`);
    expect(decryptPii(rows[0].p)).toBe("13800138000");
    expect(rows[0].pm).toBe("138****8000");
    const detail = await getStaffDetail({ ctx: hr, input: { id }, now: NOW });
    expect(detail.jobs.map((j) => [j.reason, j.validFrom, j.validTo])).toEqual([["hire", "2026-11-01", null]]);
    expect(await auditRows(hr)).toEqual([{ action: "staff.create", entity_id: String(id) }]);
    const { rows: audit } = await sql<{
      after: unknown;
    }>`select after from audit_log where actor_user_id = ${hr.actor.userId}`.execute(owner.db);
    expect(JSON.stringify(audit)).not.toContain(idNumber);
  });

  it("refuses a bad check digit, a taken staff number (409) and a department outside the area", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const good = makeIdNumber({ addressCode: "110105", birthDate: "1977-07-07", ordinal: 3, gender: "M" });
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const base = {
      staffNo: `${fx.prefix}-101`,
      name: "新人乙",
      departmentId: fx.departments.communityA,
      positionId: fx.positions.clerk,
      rankId: fx.ranks.r1,
      hireDate: "2026-11-01",
    };
    await expect(createStaff({ ctx: hr, input: { ...base, idNumber: bad } })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { idNumber: expect.stringContaining("校验码错误") },
    });
    await expect(createStaff({ ctx: hr, input: { ...base, staffNo: `${fx.prefix}-001` } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "工号已被使用。",
    });
    const head = await as("community_head", fx.regions.communityA);
    await expect(createStaff({ ctx: head, input: base })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const hrA = await as("hr_clerk", fx.regions.communityA);
    await expect(createStaff({ ctx: hrA, input: { ...base, departmentId: fx.departments.communityB } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});

describe("updateStaff", () => {
  it("refuses a stale edit with 409 and a Chinese message, and changes nothing", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const first = await getStaffDetail({ ctx: hr, input: { id: fx.staff.headA }, now: NOW });
    const saved = await updateStaff({
      ctx: hr,
      input: { id: fx.staff.headA, version: first.version, name: "社区长乙改" },
      now: NOW,
    });
    expect(saved.version).toBe(first.version + 1);
    await expect(
      updateStaff({ ctx: hr, input: { id: fx.staff.headA, version: first.version, name: "过期的修改" }, now: NOW }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "该人员档案已被他人修改，请刷新页面后重新编辑。",
    });
    const { rows } = await sql<{ name: string }>`select name from staff where id = ${fx.staff.headA}`.execute(owner.db);
    expect(rows[0].name).toBe("社区长乙改");
  });

  it("writes a promotion into the job history on its effective day and needs a reason for it", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const d = await getStaffDetail({ ctx: hr, input: { id: fx.staff.workerB }, now: NOW });
    await expect(
      updateStaff({ ctx: hr, input: { id: d.id, version: d.version, rankId: fx.ranks.r2 }, now: NOW }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await updateStaff({
      ctx: hr,
      input: { id: d.id, version: d.version, rankId: fx.ranks.r2, changeReason: "promotion", effectiveDate: "2026-12-01" },
      now: NOW,
    });
    const after = await getStaffDetail({ ctx: hr, input: { id: d.id }, now: NOW });
    expect(after.jobs.map((j) => [j.reason, j.validFrom, j.validTo, j.rankName])).toEqual([
      ["promotion", "2026-12-01", null, "二级"],
      ["hire", "2021-01-04", "2026-12-01", "一级"],
    ]);
    // a correction on the same day rewrites that row instead of adding an empty period
    await updateStaff({
      ctx: hr,
      input: {
        id: d.id,
        version: after.version,
        positionId: fx.positions.head,
        changeReason: "correction",
        effectiveDate: "2026-12-01",
      },
      now: NOW,
    });
    const corrected = await getStaffDetail({ ctx: hr, input: { id: d.id }, now: NOW });
    expect(corrected.jobs.map((j) => [j.reason, j.validFrom, j.positionName])).toEqual([
      ["correction", "2026-12-01", "网格长"],
      ["hire", "2021-01-04", "专职网格员"],
    ]);
  });

  it("answers NOT_FOUND for a person outside the area", async () => {
    const hrB = await as("hr_clerk", fx.regions.communityB);
    await expect(updateStaff({ ctx: hrB, input: { id: fx.staff.workerA, version: 1, name: "x" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("revealStaffField", () => {
  it("shows one field for a reason and logs it with the staff id; a short reason is refused", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    await expect(
      revealStaffField({ ctx: hr, input: { id: fx.staff.workerA, field: "id_number", reason: "看" } }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: "查看理由至少 4 个字。",
    });
    const shown = await revealStaffField({
      ctx: hr,
      input: { id: fx.staff.workerA, field: "id_number", reason: "核对社保信息" },
    });
    expect(shown).toEqual({ field: "id_number", value: fx.workerAIdNumber });
    const { rows } = await sql<{ kind: string; field: string; staff_id: number; reason: string }>`
      select kind, field, staff_id, reason from pii_access_log where user_id = ${hr.actor.userId}`.execute(owner.db);
    expect(rows).toEqual([{ kind: "reveal", field: "id_number", staff_id: fx.staff.workerA, reason: "核对社保信息" }]);
  });

  it("refuses a lead without staff.reveal, and hides people outside the area as NOT_FOUND", async () => {
    const head = await as("community_head", fx.regions.communityA);
    await expect(
      revealStaffField({ ctx: head, input: { id: fx.staff.workerA, field: "phone", reason: "核对联系方式" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const hrA = await as("hr_clerk", fx.regions.communityA);
    await expect(
      revealStaffField({ ctx: hrA, input: { id: fx.staff.workerB, field: "phone", reason: "核对联系方式" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("grid posts", () => {
  it("refuses a second 专职网格员 on one grid with 409 in Chinese, and lets a successor follow an ended post", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const grid = fx.regions.gridsA[0];
    await sql`delete from grid_post where region_id = ${grid}`.execute(owner.db);
    const { id } = await assignGridPost({
      ctx: hr,
      input: { staffId: fx.staff.workerA, regionId: grid, gridRole: "full_time", validFrom: "2026-01-01" },
      now: NOW,
    });
    await expect(
      assignGridPost({
        ctx: hr,
        input: { staffId: fx.staff.workerB, regionId: grid, gridRole: "full_time", validFrom: "2026-12-10" },
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("已有专职网格员") });
    await endGridPost({ ctx: hr, input: { id, validTo: "2026-12-10" } });
    await assignGridPost({
      ctx: hr,
      input: { staffId: fx.staff.workerB, regionId: grid, gridRole: "full_time", validFrom: "2026-12-10" },
      now: NOW,
    });
    // part-time workers may be several
    await assignGridPost({
      ctx: hr,
      input: { staffId: fx.staff.headA, regionId: grid, gridRole: "part_time", validFrom: "2026-01-01" },
      now: NOW,
    });
    await expect(
      assignGridPost({
        ctx: hr,
        input: { staffId: fx.staff.workerA, regionId: fx.regions.xiaoquA, gridRole: "full_time", validFrom: "2026-01-01" },
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("departments", () => {
  it("creates under a parent, refuses a taken code, refuses closing while people remain, closes an empty one", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const { id } = await createDepartment({
      ctx: hr,
      input: {
        code: `${fx.prefix}-NEW`,
        name: "新科室",
        kind: "section",
        regionId: fx.regions.communityA,
        parentId: fx.departments.communityA,
      },
      now: NOW,
    });
    await expect(
      createDepartment({
        ctx: hr,
        input: { code: `${fx.prefix}-NEW`, name: "重复", kind: "section", regionId: fx.regions.communityA },
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      closeDepartment({ ctx: hr, input: { id: fx.departments.gridOfficeA, validTo: "2026-12-31" }, now: NOW }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await closeDepartment({ ctx: hr, input: { id, validTo: "2026-12-31" }, now: NOW });
    const { rows } = await sql<{
      v: string;
    }>`select to_char(valid_to, 'YYYY-MM-DD') as v from department where id = ${id}`.execute(owner.db);
    expect(rows[0].v).toBe("2026-12-31");
  });
});

describe("setStaffPhoto", () => {
  it("takes a PNG by its bytes and refuses a text file named .jpg", async () => {
    const hr = await as("hr_clerk", fx.regions.district);
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    await expect(setStaffPhoto({ ctx: hr, input: { id: fx.staff.workerA, bytes: new Uint8Array(png) } })).resolves.toEqual({
      mime: "image/png",
      byteSize: png.length,
    });
    await expect(
      setStaffPhoto({ ctx: hr, input: { id: fx.staff.workerA, bytes: new TextEncoder().encode("not an image") } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
