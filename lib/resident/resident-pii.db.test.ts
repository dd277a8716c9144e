import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { listAuditLog } from "../audit/list-audit-log";
import { listPiiAccessLog } from "../audit/list-pii-access-log";
import { recordAudit } from "../audit/record-audit";
import type { Role } from "../auth/roles";
import { contextWithAssignments, type RequestContext } from "../context";
import { compactDate } from "../format/content-disposition";
import { exportRegionStats } from "../grid/export-region-stats";
import { isValidIdNumber } from "../pii/id-number";
import { FULL_ID_PATTERN, MASKED_ID_PATTERN, MASKED_PHONE_PATTERN, maskName } from "../pii/mask";
import { decryptPii } from "../pii/protect";
import { searchPlaces } from "../search/search-places";
import { withSeededDistrict } from "../testing/seeded-district";
import { exportResidents } from "./export-residents";
import { getResidentDetail } from "./get-resident-detail";
import { revealResidentField } from "./reveal-resident-field";

let owner: Connection;
let app: Connection;

withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

/*
 * The logs are append-only and outlive test runs, so every context gets a user id (and a username)
 * of its own and the log rows are counted per user.
 */
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`.slice(-8);
let nextUserId = 1_000_000_000 + Math.floor(Math.random() * 1_000_000) * 100;

async function as(role: Role, regionId: number): Promise<RequestContext> {
  const userId = nextUserId++;
  return contextWithAssignments(app.db, [{ role, regionId }], {
    userId,
    username: `pii_${RUN}_${userId % 1000}`,
    displayName: `测试${role}`,
  });
}

async function logRows(ctx: RequestContext) {
  const { rows } = await sql<{
    kind: string;
    field: string;
    resident_id: number | null;
    region_id: number | null;
    reason: string | null;
    row_count: number | null;
    unmasked: boolean;
  }>`
    select kind, field, resident_id, region_id, reason, row_count, unmasked from pii_access_log where user_id = ${ctx.actor.userId} order by id`.execute(
    owner.db,
  );
  return rows;
}

type Person = {
  id: number;
  name: string;
  gridId: number;
  gridPath: string;
  communityId: number;
  idCipher: Buffer;
  phoneCipher: Buffer | null;
};

async function person(where: "ordinary" | "key"): Promise<Person> {
  const { rows } = await sql<Person>`
    select p.id, p.name, g.id as "gridId", g.path::text as "gridPath", c.id as "communityId",
           p.id_number_cipher as "idCipher", p.phone_cipher as "phoneCipher"
      from resident p join region g on g.id = p.grid_id join region c on c.path = subpath(g.path, 0, 3)
     where p.key_person = ${where === "key"} and (${where === "key"} or p.phone_cipher is not null)
     order by p.id limit 1`.execute(owner.db);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** A basic grid outside the community of `path`. */
async function gridOutside(path: string) {
  const { rows } = await sql<{ id: number }>`
    select id from region where level = 4 and not (path <@ subpath(${path}::ltree, 0, 3)) and residents > 0 order by code limit 1`.execute(
    owner.db,
  );
  return rows[0].id;
}

async function districtId() {
  const { rows } = await sql<{ id: number }>`select id from region where level = 0 limit 1`.execute(owner.db);
  return rows[0].id;
}

/** Splits our own CSV (no quoted line breaks in these exports) into header and rows. */
function csvLines(csv: string) {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv.endsWith("\r\n")).toBe(true);
  const lines = csv.slice(1, -2).split("\r\n");
  return { header: lines[0].split(","), rows: lines.slice(1).map((l) => l.split(",")) };
}

let ordinary: Person;
let key: Person;

beforeAll(async () => {
  ordinary = await person("ordinary");
  key = await person("key");
});

describe("getResidentDetail", () => {
  it("shows a resident masked, with household and address, and writes exactly one view row", async () => {
    const ctx = await as("grid_worker", ordinary.gridId);
    const detail = await getResidentDetail({ ctx, input: { id: ordinary.id } });
    expect(detail.resident.id).toBe(ordinary.id);
    expect(detail.resident.name).toBe(ordinary.name);
    expect(detail.resident.idNumberMasked).toMatch(MASKED_ID_PATTERN);
    expect(detail.resident.phoneMasked).toMatch(MASKED_PHONE_PATTERN);
    expect(detail.address.gridId).toBe(ordinary.gridId);
    const [{ address }] = (
      await sql<{ address: string }>`
        select b.address from resident p join household h on h.id = p.household_id join room r on r.id = h.room_id
          join building b on b.id = r.building_id where p.id = ${ordinary.id}`.execute(owner.db)
    ).rows;
    expect(detail.address.buildingAddress).toBe(address);
    expect(detail.members.every((m) => m.id !== ordinary.id)).toBe(true);
    expect(detail.canReveal).toEqual({ name: false, idNumber: true, phone: true });
    const json = JSON.stringify(detail);
    expect(FULL_ID_PATTERN.test(json)).toBe(false);
    expect(json).not.toMatch(/cipher|hash/i);
    expect(await logRows(ctx)).toEqual([
      {
        kind: "view",
        field: "detail",
        resident_id: ordinary.id,
        region_id: ordinary.gridId,
        reason: null,
        row_count: null,
        unmasked: false,
      },
    ]);
  });

  it("masks a key person's name and offers reveals only to key_person.reveal", async () => {
    const worker = await as("grid_worker", key.gridId);
    const seen = await getResidentDetail({ ctx: worker, input: { id: key.id } });
    expect(seen.resident.name).toBe(maskName(key.name));
    expect(seen.resident.nameMasked).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(key.name);
    expect(seen.canReveal).toEqual({ name: false, idNumber: false, phone: false });
    const head = await as("community_head", key.communityId);
    expect((await getResidentDetail({ ctx: head, input: { id: key.id } })).canReveal).toEqual({
      name: true,
      idNumber: true,
      phone: true,
    });
  });

  it("answers NOT_FOUND outside the scope and for unknown ids, and logs nothing", async () => {
    const ctx = await as("grid_worker", await gridOutside(ordinary.gridPath));
    await expect(getResidentDetail({ ctx, input: { id: ordinary.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getResidentDetail({ ctx, input: { id: 987_654_321 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getResidentDetail({ ctx, input: { id: "abc" as unknown as number } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await logRows(ctx)).toEqual([]);
  });
});

describe("revealResidentField", () => {
  it("needs a reason of 4–200 characters and logs nothing without one", async () => {
    const ctx = await as("grid_worker", ordinary.gridId);
    for (const reason of [undefined, "", "   ", "太短", "很".repeat(201)]) {
      const error = await revealResidentField({
        ctx,
        input: { id: ordinary.id, field: "phone", reason: reason as string },
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "VALIDATION" });
      expect((error as Error).message).toMatch(/理由/);
    }
    expect(await logRows(ctx)).toEqual([]);
  });

  it("lets a grid worker reveal an ordinary resident's phone and ID in the own grid, logged with the reason", async () => {
    const ctx = await as("grid_worker", ordinary.gridId);
    const phone = await revealResidentField({ ctx, input: { id: ordinary.id, field: "phone", reason: "  入户走访核实  " } });
    expect(phone).toEqual({ field: "phone", value: decryptPii(ordinary.phoneCipher!) });
    const id = await revealResidentField({ ctx, input: { id: ordinary.id, field: "id_number", reason: "社会救助审核" } });
    expect(id.value).toBe(decryptPii(ordinary.idCipher));
    expect(isValidIdNumber(id.value!)).toBe(true);
    expect(await logRows(ctx)).toEqual([
      {
        kind: "reveal",
        field: "phone",
        resident_id: ordinary.id,
        region_id: ordinary.gridId,
        reason: "入户走访核实",
        row_count: null,
        unmasked: false,
      },
      {
        kind: "reveal",
        field: "id_number",
        resident_id: ordinary.id,
        region_id: ordinary.gridId,
        reason: "社会救助审核",
        row_count: null,
        unmasked: false,
      },
    ]);
  });

  it("returns null for a resident without a phone", async () => {
    const { rows } = await sql<{ id: number; grid_id: number }>`
      select id, grid_id from resident where phone_cipher is null and not key_person order by id limit 1`.execute(owner.db);
    const ctx = await as("grid_worker", rows[0].grid_id);
    expect(await revealResidentField({ ctx, input: { id: rows[0].id, field: "phone", reason: "入户走访核实" } })).toEqual({
      field: "phone",
      value: null,
    });
  });

  it("refuses a key person's fields to a grid worker, allows them to the community head", async () => {
    const worker = await as("grid_worker", key.gridId);
    for (const field of ["name", "id_number", "phone"] as const) {
      await expect(
        revealResidentField({ ctx: worker, input: { id: key.id, field, reason: "矛盾纠纷调处" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await logRows(worker)).toEqual([]);
    const head = await as("community_head", key.communityId);
    expect(await revealResidentField({ ctx: head, input: { id: key.id, field: "name", reason: "矛盾纠纷调处" } })).toEqual({
      field: "name",
      value: key.name,
    });
    expect((await logRows(head)).map((r) => [r.kind, r.field, r.reason])).toEqual([["reveal", "name", "矛盾纠纷调处"]]);
  });

  it("has no name to reveal for an ordinary resident, and nothing outside the area", async () => {
    const ctx = await as("grid_worker", ordinary.gridId);
    await expect(
      revealResidentField({ ctx, input: { id: ordinary.id, field: "name", reason: "入户走访核实" } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const other = await as("grid_worker", await gridOutside(ordinary.gridPath));
    await expect(
      revealResidentField({ ctx: other, input: { id: ordinary.id, field: "phone", reason: "入户走访核实" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await logRows(ctx)).toEqual([]);
    expect(await logRows(other)).toEqual([]);
  });
});

describe("roles without personal data", () => {
  it("refuses analysts and department handlers detail, reveal and export", async () => {
    const district = await districtId();
    for (const role of ["analyst", "department_handler"] as const) {
      const ctx = await as(role, district);
      await expect(getResidentDetail({ ctx, input: { id: ordinary.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        revealResidentField({ ctx, input: { id: ordinary.id, field: "phone", reason: "入户走访核实" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportResidents({ ctx, input: { regionId: ordinary.communityId } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await logRows(ctx)).toEqual([]);
    }
  });
});

describe("exportResidents", () => {
  it("exports masked by default, one row per resident, one log row with the count", async () => {
    const ctx = await as("community_head", key.communityId);
    const now = new Date("2026-11-24T04:00:00Z");
    const file = await exportResidents({ ctx, input: { regionId: key.communityId }, now });
    const { rows: expected } = await sql<{ n: number }>`
      select count(*)::int as n from resident p join region g on g.id = p.grid_id join region c on c.id = ${key.communityId} where g.path <@ c.path`.execute(
      owner.db,
    );
    const { header, rows } = csvLines(file.csv);
    expect(header).toEqual([
      "姓名",
      "性别",
      "年龄",
      "与户主关系",
      "身份证号",
      "电话",
      "户籍类型",
      "特殊群体标签",
      "重点人员",
      "地址",
      "网格",
    ]);
    expect(rows).toHaveLength(expected[0].n);
    expect(file.rowCount).toBe(expected[0].n);
    expect(FULL_ID_PATTERN.test(file.csv)).toBe(false);
    for (const r of rows) {
      expect(r[4]).toMatch(MASKED_ID_PATTERN);
      if (r[5]) expect(r[5]).toMatch(MASKED_PHONE_PATTERN);
    }
    // the key person appears with the masked name
    const keyRows = rows.filter((r) => r[8] === "是");
    expect(keyRows.length).toBeGreaterThanOrEqual(1);
    expect(keyRows.map((r) => r[0])).toContain(maskName(key.name));
    expect(file.filename).toMatch(/^居民名单-.+-20261124\.csv$/);
    expect(file.asciiFilename).toMatch(/^residents-[0-9]+-20261124\.csv$/);
    expect(await logRows(ctx)).toEqual([
      {
        kind: "export",
        field: "list",
        resident_id: null,
        region_id: key.communityId,
        reason: null,
        row_count: expected[0].n,
        unmasked: false,
      },
    ]);
  });

  it("refuses an area outside the scope (NOT_FOUND) and logs nothing", async () => {
    const ctx = await as("community_head", key.communityId);
    const { rows } = await sql<{
      id: number;
    }>`select id from region where level = 2 and id <> ${key.communityId} order by code limit 1`.execute(owner.db);
    await expect(exportResidents({ ctx, input: { regionId: rows[0].id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportResidents({ ctx, input: { regionId: 2_000_000_000 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await logRows(ctx)).toEqual([]);
  });

  it("needs resident.export_unmasked for an unmasked export", async () => {
    const ctx = await as("community_head", key.communityId);
    await expect(
      exportResidents({ ctx, input: { regionId: key.communityId, unmasked: true, reason: "社会救助审核" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await logRows(ctx)).toEqual([]);
  });

  it("exports full identity numbers and phones for the district commander with a reason", async () => {
    const ctx = await as("district_commander", await districtId());
    await expect(exportResidents({ ctx, input: { regionId: key.gridId, unmasked: true } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(exportResidents({ ctx, input: { regionId: key.gridId, unmasked: true, reason: "短" } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await logRows(ctx)).toEqual([]);

    const file = await exportResidents({ ctx, input: { regionId: key.gridId, unmasked: true, reason: "社会救助审核" } });
    const { header, rows } = csvLines(file.csv);
    expect(header).toContain("出生日期");
    const idColumn = header.indexOf("身份证号");
    const ids = rows.map((r) => r[idColumn].replace(/^="(.*)"$/, "$1"));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(isValidIdNumber(id)).toBe(true);
    expect(FULL_ID_PATTERN.test(file.csv)).toBe(true);
    const { rows: secrets } = await sql<{
      c: Buffer;
    }>`select id_number_cipher as c from resident where grid_id = ${key.gridId}`.execute(owner.db);
    expect(new Set(ids)).toEqual(new Set(secrets.map((s) => decryptPii(s.c))));
    expect(rows.map((r) => r[0])).toContain(key.name);
    expect(await logRows(ctx)).toEqual([
      {
        kind: "export",
        field: "list",
        resident_id: null,
        region_id: key.gridId,
        reason: "社会救助审核",
        row_count: rows.length,
        unmasked: true,
      },
    ]);
  });
});

describe("exportRegionStats", () => {
  it("gives analysts the children's counts without personal data and logs nothing", async () => {
    const ctx = await as("analyst", await districtId());
    const file = await exportRegionStats({
      ctx,
      input: { regionId: ordinary.communityId },
      now: new Date("2026-11-24T04:00:00Z"),
    });
    const { header, rows } = csvLines(file.csv);
    expect(header).toEqual(["编码", "名称", "层级", "户数", "人口", "流动人口", "出租屋", "特殊群体", "重点人员", "楼栋"]);
    const { rows: children } = await sql<{ n: number; residents: number }>`
      select count(*)::int as n, sum(residents)::int as residents from region where parent_id = ${ordinary.communityId}`.execute(
      owner.db,
    );
    expect(rows).toHaveLength(children[0].n + 1);
    expect(rows.at(-1)![1]).toMatch(/合计$/);
    expect(rows.slice(0, -1).reduce((s, r) => s + Number(r[4]), 0)).toBe(children[0].residents);
    expect(FULL_ID_PATTERN.test(file.csv)).toBe(false);
    expect(file.filename).toMatch(/^区域统计-.+-20261124\.csv$/);
    expect(await logRows(ctx)).toEqual([]);
  });

  it("refuses roles without region.export and areas outside the scope", async () => {
    const district = await districtId();
    await expect(
      exportRegionStats({ ctx: await as("department_handler", district), input: { regionId: ordinary.communityId } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      exportRegionStats({ ctx: await as("grid_worker", ordinary.gridId), input: { regionId: ordinary.gridId } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const head = await as("community_head", key.communityId);
    await expect(exportRegionStats({ ctx: head, input: { regionId: district } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("search by full identity number", () => {
  it("finds the resident inside the scope only, never by a partial number, and logs the lookup", async () => {
    const idNumber = decryptPii(ordinary.idCipher);
    const inside = await as("community_head", ordinary.communityId);
    const hits = await searchPlaces({ ctx: inside, input: { q: ` ${idNumber.toLowerCase()} ` } });
    expect(hits[0]).toMatchObject({ kind: "resident", id: ordinary.id, name: ordinary.name, badge: "居民" });
    expect(hits[0].detail).toMatch(/^[0-9]{6}\*{8}[0-9]{3}[0-9X] · /);
    expect(FULL_ID_PATTERN.test(JSON.stringify(hits))).toBe(false);
    expect(await logRows(inside)).toEqual([
      {
        kind: "lookup",
        field: "id_number",
        resident_id: ordinary.id,
        region_id: ordinary.gridId,
        reason: null,
        row_count: null,
        unmasked: false,
      },
    ]);

    const outside = await as("grid_worker", await gridOutside(ordinary.gridPath));
    expect((await searchPlaces({ ctx: outside, input: { q: idNumber } })).some((h) => h.kind === "resident")).toBe(false);
    for (const partial of [idNumber.slice(0, 17), idNumber.slice(0, 14), idNumber.slice(6)]) {
      expect((await searchPlaces({ ctx: inside, input: { q: partial } })).some((h) => h.kind === "resident")).toBe(false);
    }
    // a wrong check character is not an identity number at all
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === "0" ? "1" : "0");
    expect((await searchPlaces({ ctx: inside, input: { q: wrong } })).some((h) => h.kind === "resident")).toBe(false);
    expect(await logRows(outside)).toEqual([]);
    expect(await logRows(inside)).toHaveLength(1);
  });

  it("masks a key person's name in the hit, skips residents for roles without resident.read and for kinds=places", async () => {
    const head = await as("community_head", key.communityId);
    const hits = await searchPlaces({ ctx: head, input: { q: decryptPii(key.idCipher) } });
    expect(hits[0]).toMatchObject({ kind: "resident", id: key.id, name: maskName(key.name) });
    const analyst = await as("analyst", await districtId());
    expect(
      (await searchPlaces({ ctx: analyst, input: { q: decryptPii(key.idCipher) } })).some((h) => h.kind === "resident"),
    ).toBe(false);
    const picker = await as("district_commander", await districtId());
    expect(
      (await searchPlaces({ ctx: picker, input: { q: decryptPii(key.idCipher), kinds: "places" } })).some(
        (h) => h.kind === "resident",
      ),
    ).toBe(false);
    expect(await logRows(analyst)).toEqual([]);
    expect(await logRows(picker)).toEqual([]);
  });
});

describe("audit log verbs", () => {
  it("need audit.read", async () => {
    const district = await districtId();
    for (const role of ["community_head", "grid_worker", "analyst", "street_operator"] as const) {
      const ctx = await as(
        role,
        role === "grid_worker" ? ordinary.gridId : role === "community_head" ? ordinary.communityId : district,
      );
      await expect(listPiiAccessLog({ ctx, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listAuditLog({ ctx, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const admin = await as("system_admin", district);
    await expect(listPiiAccessLog({ ctx: admin, input: {} })).resolves.toMatchObject({ entries: expect.any(Array) });
  });

  it("filter the personal-data log by user, kind, field, resident and dates, page by page", async () => {
    const worker = await as("grid_worker", ordinary.gridId);
    await getResidentDetail({ ctx: worker, input: { id: ordinary.id } });
    await revealResidentField({ ctx: worker, input: { id: ordinary.id, field: "phone", reason: "入户走访核实" } });
    await revealResidentField({ ctx: worker, input: { id: ordinary.id, field: "id_number", reason: "社会救助审核" } });
    const auditor = await as("district_commander", await districtId());
    const user = worker.actor.username;

    const all = await listPiiAccessLog({ ctx: auditor, input: { user } });
    expect(all.entries.map((e) => [e.kind, e.field])).toEqual([
      ["reveal", "id_number"],
      ["reveal", "phone"],
      ["view", "detail"],
    ]);
    expect(all.entries[0]).toMatchObject({
      kindName: "查看明文",
      fieldName: "身份证号",
      residentId: ordinary.id,
      regionId: ordinary.gridId,
      reason: "社会救助审核",
      username: user,
    });
    const { name: gridName } = await owner.db
      .selectFrom("region")
      .select("name")
      .where("id", "=", ordinary.gridId)
      .executeTakeFirstOrThrow();
    expect(all.entries[0].regionName).toBe(gridName);
    expect(all.nextBefore).toBeNull();

    expect((await listPiiAccessLog({ ctx: auditor, input: { user, kind: "reveal" } })).entries).toHaveLength(2);
    expect((await listPiiAccessLog({ ctx: auditor, input: { user, field: "phone" } })).entries.map((e) => e.reason)).toEqual([
      "入户走访核实",
    ]);
    expect(
      (await listPiiAccessLog({ ctx: auditor, input: { user, residentId: ordinary.id, kind: "view" } })).entries,
    ).toHaveLength(1);
    expect((await listPiiAccessLog({ ctx: auditor, input: { user, residentId: key.id } })).entries).toHaveLength(0);

    const today = compactDate(new Date()).replace(/^(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3");
    expect((await listPiiAccessLog({ ctx: auditor, input: { user, from: today, to: today } })).entries).toHaveLength(3);
    expect((await listPiiAccessLog({ ctx: auditor, input: { user, to: "2000-01-01" } })).entries).toHaveLength(0);
    expect((await listPiiAccessLog({ ctx: auditor, input: { user, from: "2999-01-01" } })).entries).toHaveLength(0);

    const first = await listPiiAccessLog({ ctx: auditor, input: { user, limit: 2 } });
    expect(first.entries).toHaveLength(2);
    expect(first.nextBefore).toBe(first.entries[1].id);
    const second = await listPiiAccessLog({ ctx: auditor, input: { user, limit: 2, before: first.nextBefore! } });
    expect(second.entries.map((e) => e.kind)).toEqual(["view"]);
    expect(second.nextBefore).toBeNull();

    await expect(listPiiAccessLog({ ctx: auditor, input: { kind: "delete" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(listPiiAccessLog({ ctx: auditor, input: { from: "2026-13-01" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(listPiiAccessLog({ ctx: auditor, input: { from: "2026-02-01", to: "2026-01-01" } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    // query-string blanks are "no filter"
    expect(
      (
        await listPiiAccessLog({
          ctx: auditor,
          input: { user, kind: "", field: "", residentId: "", from: "", to: "", before: "" },
        })
      ).entries,
    ).toHaveLength(3);
  });

  it("filter the change audit by actor, action (whole or area prefix) and dates", async () => {
    const username = `audit_${RUN}`;
    const { rows } = await sql<{ id: number }>`
      insert into app_user (username, display_name, password_hash) values (${username}, '审计测试', 'x') returning id`.execute(
      owner.db,
    );
    const actorCtx = await contextWithAssignments(app.db, [], { userId: rows[0].id, username, displayName: "审计测试" });
    await recordAudit(owner.db, actorCtx, {
      action: "account.create",
      entity: "app_user",
      entityId: 1,
      before: null,
      after: { username: "x", disabled: false },
    });
    await recordAudit(owner.db, actorCtx, {
      action: "account.disable",
      entity: "app_user",
      entityId: 1,
      before: { status: "active" },
      after: { status: "disabled" },
    });
    await recordAudit(owner.db, actorCtx, { action: "accounting.other", entity: "x", entityId: null });
    const auditor = await as("system_admin", await districtId());

    const all = await listAuditLog({ ctx: auditor, input: { actor: username.toUpperCase() } });
    expect(all.entries.map((e) => e.action)).toEqual(["accounting.other", "account.disable", "account.create"]);
    expect(all.entries[1]).toMatchObject({
      actorUserId: rows[0].id,
      entity: "app_user",
      entityName: "账户",
      actionName: "停用账户",
      entityId: "1",
      change: ["status: active → disabled"],
    });
    // jsonb keeps its own key order: compare the lines as a set
    expect(all.entries[2].change[0]).toBe("新建");
    expect(all.entries[2].change.slice(1).sort()).toEqual(["已停用: 否", "用户名: x"]);
    expect(all.entries[0]).toMatchObject({ action: "accounting.other", actionName: "accounting.other" });
    expect(
      (await listAuditLog({ ctx: auditor, input: { actor: username, action: "account" } })).entries.map((e) => e.action),
    ).toEqual(["account.disable", "account.create"]);
    expect((await listAuditLog({ ctx: auditor, input: { actor: username, action: "account.create" } })).entries).toHaveLength(1);
    expect((await listAuditLog({ ctx: auditor, input: { actor: username, action: "account_" } })).entries).toHaveLength(0);
    expect((await listAuditLog({ ctx: auditor, input: { actor: username, to: "2000-01-01" } })).entries).toHaveLength(0);
    const page = await listAuditLog({ ctx: auditor, input: { actor: username, limit: 2 } });
    expect(page.nextBefore).toBe(page.entries[1].id);
    expect(
      (await listAuditLog({ ctx: auditor, input: { actor: username, limit: 2, before: page.nextBefore! } })).entries.map(
        (e) => e.action,
      ),
    ).toEqual(["account.create"]);
    expect((await listAuditLog({ ctx: auditor, input: { actor: "nobody_at_all" } })).entries).toEqual([]);
  });
});
