import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { argon2idHasher } from "../auth/password";
import { PERMISSIONS } from "../auth/permissions";
import { ROLE_REGION_LEVEL, ROLES, type Role } from "../auth/roles";
import { contextWithAssignments, type RequestContext } from "../context";
import { DomainError } from "../errors";
import { t } from "../i18n";
import { withSeededDistrict } from "../testing/seeded-district";
import { changeOwnPassword } from "./change-own-password";
import { createAccount } from "./create-account";
import { listAccounts } from "./list-accounts";
import { listRegionOptions } from "./list-region-options";
import { resetPassword } from "./reset-password";
import { revokeSessions } from "./revoke-sessions";
import { setAccountAssignments } from "./set-account-assignments";
import { setAccountDisabled } from "./set-account-disabled";

let owner: Connection;
let app: Connection;
let admin: RequestContext;

withSeededDistrict((c, _commander, a) => {
  owner = c;
  app = a;
});

/** Every account this file makes starts with the prefix, so a re-run can clear the previous run's. */
const PREFIX = "t_acct_";
const ADMIN_PASSWORD = "Admin-pass-2026";

type RegionPick = { id: number; path: string; name: string; level: number };
let district: RegionPick;
let streetA: RegionPick;
let streetB: RegionPick;
/** A community, 小区 and basic grid inside street A, and a basic grid inside street B. */
let communityA: RegionPick;
let xiaoquA: RegionPick;
let gridA: RegionPick;
let gridB: RegionPick;

async function firstUnder(parentPath: string, level: number): Promise<RegionPick> {
  const { rows } = await sql<RegionPick>`
    select id, path::text as path, name, level from region where path <@ ${parentPath}::ltree and level = ${level} order by code limit 1`.execute(
    owner.db,
  );
  return rows[0];
}

async function regionAtLevel(role: Role): Promise<number> {
  const level = ROLE_REGION_LEVEL[role];
  return level === null || level === 0 ? district.id : [district, streetA, communityA, xiaoquA, gridA][level].id;
}

async function maxAuditId(): Promise<number> {
  const { rows } = await sql<{ id: number | null }>`select max(id)::int as id from audit_log`.execute(owner.db);
  return rows[0].id ?? 0;
}

type AuditRow = {
  action: string;
  entity: string;
  entityId: string | null;
  actorUserId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

async function auditSince(sinceId: number): Promise<AuditRow[]> {
  const { rows } = await sql<AuditRow>`
    select action, entity, entity_id as "entityId", actor_user_id::int as "actorUserId", before, after
      from audit_log where id > ${sinceId} order by id`.execute(owner.db);
  // Tolerates before/after stored as a JSON string scalar (recordAudit double-encoding) as well as objects.
  const object = (v: unknown) =>
    typeof v === "string" ? (JSON.parse(v) as Record<string, unknown>) : (v as Record<string, unknown> | null);
  return rows.map((r) => ({ ...r, before: object(r.before), after: object(r.after) }));
}

async function userRow(id: number) {
  const { rows } = await sql<{ passwordHash: string; mustChangePassword: boolean; disabled: boolean; version: number }>`
    select password_hash as "passwordHash", must_change_password as "mustChangePassword", disabled_at is not null as disabled, version
      from app_user where id = ${id}`.execute(owner.db);
  return rows[0];
}

async function addSessions(userId: number, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const { rows } = await sql<{ id: number }>`
      insert into user_session (token_hash, user_id, expires_at) values (${randomBytes(32)}, ${userId}, now() + interval '1 hour') returning id::int`.execute(
      owner.db,
    );
    ids.push(rows[0].id);
  }
  return ids;
}

async function liveSessionIds(userId: number): Promise<number[]> {
  const { rows } = await sql<{
    id: number;
  }>`select id::int from user_session where user_id = ${userId} and revoked_at is null order by id`.execute(owner.db);
  return rows.map((r) => r.id);
}

async function code(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

let counter = 0;
function username(label: string) {
  counter += 1;
  return `${PREFIX}${label}_${counter}`;
}

async function newWorker(label = "w") {
  return createAccount({
    ctx: admin,
    input: { username: username(label), displayName: `测试${label}`, assignments: [{ role: "grid_worker", regionId: gridA.id }] },
  });
}

beforeAll(async () => {
  await sql`delete from app_user where username like ${`${PREFIX}%`}`.execute(owner.db);
  const { rows } =
    await sql<RegionPick>`select id, path::text as path, name, level from region where level = 0 order by id limit 1`.execute(
      owner.db,
    );
  district = rows[0];
  const streets =
    await sql<RegionPick>`select id, path::text as path, name, level from region where level = 1 order by code limit 2`.execute(
      owner.db,
    );
  [streetA, streetB] = streets.rows;
  communityA = await firstUnder(streetA.path, 2);
  xiaoquA = await firstUnder(communityA.path, 3);
  gridA = await firstUnder(xiaoquA.path, 4);
  gridB = await firstUnder(streetB.path, 4);

  const hash = await argon2idHasher.hash(ADMIN_PASSWORD);
  const inserted = await sql<{ id: number }>`
    insert into app_user (username, display_name, password_hash) values (${`${PREFIX}admin`}, '测试管理员', ${hash}) returning id::int`.execute(
    owner.db,
  );
  const adminId = inserted.rows[0].id;
  await sql`insert into role_assignment (user_id, role, region_id) values (${adminId}, 'system_admin', ${district.id})`.execute(
    owner.db,
  );
  admin = await contextWithAssignments(app.db, [{ role: "system_admin", regionId: district.id }], {
    userId: adminId,
    username: `${PREFIX}admin`,
    displayName: "测试管理员",
  });
});

describe("createAccount", () => {
  it("creates an account with a temporary password that verifies, must change it, and audits without the hash", async () => {
    const since = await maxAuditId();
    const name = username("new");
    const created = await createAccount({
      ctx: admin,
      input: {
        username: name.toUpperCase(),
        displayName: " 张三 ",
        assignments: [
          { role: "community_head", regionId: communityA.id },
          { role: "analyst", regionId: streetA.id },
        ],
      },
    });
    expect(created.username).toBe(name);
    expect(created.displayName).toBe("张三");
    expect(created.temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(created.assignments.map((a) => [a.role, a.regionId]).sort()).toEqual(
      [
        ["analyst", streetA.id],
        ["community_head", communityA.id],
      ].sort(),
    );
    const row = await userRow(created.id);
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await argon2idHasher.verify(row.passwordHash, created.temporaryPassword!)).toBe(true);
    expect(row.mustChangePassword).toBe(true);

    const audit = await auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "account.create",
      entity: "app_user",
      entityId: String(created.id),
      actorUserId: admin.actor.userId,
      before: null,
    });
    expect(audit[0].after).toMatchObject({
      username: name,
      displayName: "张三",
      mustChangePassword: true,
      disabled: false,
      passwordSet: "temporary",
    });
    expect((audit[0].after as { assignments: unknown[] }).assignments).toHaveLength(2);
    expect(JSON.stringify(audit[0])).not.toContain("argon2");
    expect(JSON.stringify(audit[0])).not.toContain(created.temporaryPassword);
  });

  it("keeps an administrator-chosen password (no temporary one), still requiring a change", async () => {
    const created = await createAccount({
      ctx: admin,
      input: {
        username: username("own"),
        displayName: "李四",
        assignments: [{ role: "grid_worker", regionId: gridA.id }],
        password: "Chosen-pass-01",
      },
    });
    expect(created.temporaryPassword).toBeNull();
    const row = await userRow(created.id);
    expect(await argon2idHasher.verify(row.passwordHash, "Chosen-pass-01")).toBe(true);
    expect(row.mustChangePassword).toBe(true);
  });

  it("refuses a weak chosen password, a bad username and an empty assignment list (VALIDATION, no audit)", async () => {
    const since = await maxAuditId();
    const weak = await createAccount({
      ctx: admin,
      input: {
        username: username("weak"),
        displayName: "弱",
        assignments: [{ role: "grid_worker", regionId: gridA.id }],
        password: "short1",
      },
    }).catch((e) => e);
    expect(weak).toMatchObject({ code: "VALIDATION", message: t.auth.passwordTooWeak });
    const badName = await createAccount({
      ctx: admin,
      input: { username: "张三", displayName: "张三", assignments: [{ role: "grid_worker", regionId: gridA.id }] },
    }).catch((e) => e);
    expect(badName).toMatchObject({ code: "VALIDATION", message: t.account.errors.usernameFormat });
    const none = await createAccount({
      ctx: admin,
      input: { username: username("none"), displayName: "无", assignments: [] },
    }).catch((e) => e);
    expect(none).toMatchObject({ code: "VALIDATION", message: t.account.errors.noAssignments });
    const badRole = await createAccount({
      ctx: admin,
      input: { username: username("role"), displayName: "无", assignments: [{ role: "king" as Role, regionId: gridA.id }] },
    }).catch((e) => e);
    expect(badRole).toMatchObject({ code: "VALIDATION" });
    expect(await auditSince(since)).toHaveLength(0);
  });

  it("refuses a duplicate username with CONFLICT and a Chinese message naming it", async () => {
    const first = await newWorker("dup");
    const since = await maxAuditId();
    const error = await createAccount({
      ctx: admin,
      input: { username: first.username, displayName: "重复", assignments: [{ role: "grid_worker", regionId: gridA.id }] },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(t.account.errors.usernameTaken(first.username));
    expect(await auditSince(since)).toHaveLength(0);
  });

  it("refuses a region at the wrong level for the role, naming the row (VALIDATION)", async () => {
    const since = await maxAuditId();
    const error = await createAccount({
      ctx: admin,
      input: {
        username: username("lvl"),
        displayName: "层级",
        assignments: [
          { role: "analyst", regionId: streetA.id },
          { role: "grid_worker", regionId: communityA.id },
        ],
      },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect(error.message).toContain("第 2 行");
    expect(error.message).toContain("网格员");
    const missing = await createAccount({
      ctx: admin,
      input: { username: username("miss"), displayName: "无", assignments: [{ role: "analyst", regionId: 2_000_000_000 }] },
    }).catch((e) => e);
    expect(missing).toMatchObject({ code: "VALIDATION", message: t.account.errors.regionMissing(1) });
    const dup = await createAccount({
      ctx: admin,
      input: {
        username: username("dupr"),
        displayName: "重复行",
        assignments: [
          { role: "grid_worker", regionId: gridA.id },
          { role: "grid_worker", regionId: gridA.id },
        ],
      },
    }).catch((e) => e);
    expect(dup).toMatchObject({ code: "VALIDATION", message: t.account.errors.duplicateRow(2, 1) });
    expect(await auditSince(since)).toHaveLength(0);
  });

  it("refuses a region outside the administrator's own area (FORBIDDEN)", async () => {
    const streetAdmin = await contextWithAssignments(app.db, [{ role: "system_admin", regionId: streetA.id }], {
      userId: admin.actor.userId,
      username: admin.actor.username,
      displayName: "街道管理员",
    });
    const since = await maxAuditId();
    const error = await createAccount({
      ctx: streetAdmin,
      input: { username: username("out"), displayName: "越界", assignments: [{ role: "grid_worker", regionId: gridB.id }] },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    expect(error.message).toContain("第 1 行");
    expect(await auditSince(since)).toHaveLength(0);
    // Inside the own area it works.
    const ok = await createAccount({
      ctx: streetAdmin,
      input: { username: username("in"), displayName: "本辖区", assignments: [{ role: "grid_worker", regionId: gridA.id }] },
    });
    expect(ok.id).toBeGreaterThan(0);
  });
});

describe("listAccounts", () => {
  it("lists accounts with roles, regions, sessions and last sign-in, filtered and paged by username", async () => {
    const a = await newWorker("list");
    await addSessions(a.id, 2);
    await sql`insert into sign_in_attempt (username, address, succeeded, at) values (${a.username}, '127.0.0.1', true, now() - interval '5 minutes'), (${a.username}, '127.0.0.1', false, now())`.execute(
      owner.db,
    );
    const page = await listAccounts({ ctx: admin, input: { q: a.username } });
    expect(page.accounts).toHaveLength(1);
    const item = page.accounts[0];
    expect(item).toMatchObject({
      id: a.id,
      username: a.username,
      displayName: "测试list",
      disabled: false,
      mustChangePassword: true,
      liveSessions: 2,
      version: 1,
    });
    expect(item.lastSignInAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    expect(Date.now() - Date.parse(item.lastSignInAt!)).toBeGreaterThan(4 * 60_000);
    expect(item.assignments).toEqual([
      expect.objectContaining({
        role: "grid_worker",
        roleName: "网格员",
        regionId: gridA.id,
        regionName: gridA.name,
        level: 4,
        levelName: "网格",
      }),
    ]);
    expect(item).not.toHaveProperty("passwordHash");

    // Keyset paging through this file's accounts, one per page: every account once, in username order.
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 100; i++) {
      const p = await listAccounts({ ctx: admin, input: { q: PREFIX, limit: 3, after } });
      seen.push(...p.accounts.map((x) => x.username));
      if (!p.nextCursor) break;
      after = p.nextCursor;
    }
    expect(seen.length).toBeGreaterThan(4);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);

    const byRole = await listAccounts({ ctx: admin, input: { q: PREFIX, role: "system_admin" } });
    expect(byRole.accounts.map((x) => x.username)).toEqual([`${PREFIX}admin`]);
  });

  it("filters by status and hides accounts reaching outside a narrower administrator's area", async () => {
    const inA = await newWorker("scopeA");
    const inB = await createAccount({
      ctx: admin,
      input: { username: username("scopeB"), displayName: "乙", assignments: [{ role: "grid_worker", regionId: gridB.id }] },
    });
    await setAccountDisabled({ ctx: admin, input: { userId: inB.id, disabled: true, expectedVersion: inB.version } });
    const disabled = await listAccounts({ ctx: admin, input: { q: PREFIX, status: "disabled" } });
    expect(disabled.accounts.map((x) => x.id)).toContain(inB.id);
    expect(disabled.accounts.every((x) => x.disabled)).toBe(true);
    const active = await listAccounts({ ctx: admin, input: { q: PREFIX, status: "active" } });
    expect(active.accounts.map((x) => x.id)).not.toContain(inB.id);

    const streetAdmin = await contextWithAssignments(app.db, [{ role: "system_admin", regionId: streetA.id }], {
      userId: 0,
      username: "street",
      displayName: "街道管理员",
    });
    const seen = (await listAccounts({ ctx: streetAdmin, input: { q: PREFIX, limit: 200 } })).accounts.map((x) => x.id);
    expect(seen).toContain(inA.id);
    expect(seen).not.toContain(inB.id);
    expect(seen).not.toContain(admin.actor.userId);
    // …and cannot act on them either: the account is "not found" for them.
    expect(await code(revokeSessions({ ctx: streetAdmin, input: { userId: inB.id } }))).toBe("NOT_FOUND");
    expect(await code(revokeSessions({ ctx: streetAdmin, input: { userId: admin.actor.userId! } }))).toBe("NOT_FOUND");
  });

  it("rejects a malformed filter with VALIDATION", async () => {
    expect(await code(listAccounts({ ctx: admin, input: { status: "gone" as "active" } }))).toBe("VALIDATION");
  });
});

describe("setAccountDisabled", () => {
  it("disabling revokes every session, bumps the version and audits; enabling audits too", async () => {
    const user = await newWorker("dis");
    await addSessions(user.id, 3);
    const since = await maxAuditId();
    const result = await setAccountDisabled({
      ctx: admin,
      input: { userId: user.id, disabled: true, expectedVersion: user.version },
    });
    expect(result).toEqual({ version: user.version + 1, disabled: true, revokedSessions: 3 });
    expect(await liveSessionIds(user.id)).toEqual([]);
    expect(await userRow(user.id)).toMatchObject({ disabled: true, version: user.version + 1 });
    let audit = await auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "account.disable", entityId: String(user.id) });
    expect(audit[0].before).toMatchObject({ disabled: false, version: user.version });
    expect(audit[0].after).toMatchObject({ disabled: true, version: user.version + 1, revokedSessions: 3 });
    expect(JSON.stringify(audit[0])).not.toContain("argon2");

    const since2 = await maxAuditId();
    const enabled = await setAccountDisabled({
      ctx: admin,
      input: { userId: user.id, disabled: false, expectedVersion: result.version },
    });
    expect(enabled).toMatchObject({ disabled: false, version: result.version + 1 });
    audit = await auditSince(since2);
    expect(audit.map((a) => a.action)).toEqual(["account.enable"]);
    expect(audit[0].before).toMatchObject({ disabled: true });
    expect(audit[0].after).toMatchObject({ disabled: false });
  });

  it("refuses a stale expectedVersion (CONFLICT) and self-disabling (VALIDATION), auditing neither", async () => {
    const user = await newWorker("stale");
    await setAccountDisabled({ ctx: admin, input: { userId: user.id, disabled: true, expectedVersion: user.version } });
    const since = await maxAuditId();
    expect(
      await code(setAccountDisabled({ ctx: admin, input: { userId: user.id, disabled: false, expectedVersion: user.version } })),
    ).toBe("CONFLICT");
    expect(
      await code(
        setAccountAssignments({
          ctx: admin,
          input: { userId: user.id, assignments: [{ role: "analyst", regionId: district.id }], expectedVersion: user.version },
        }),
      ),
    ).toBe("CONFLICT");
    const self = await setAccountDisabled({
      ctx: admin,
      input: { userId: admin.actor.userId!, disabled: true, expectedVersion: 1 },
    }).catch((e) => e);
    expect(self).toMatchObject({ code: "VALIDATION", message: t.account.errors.selfDisable });
    expect(
      await code(setAccountDisabled({ ctx: admin, input: { userId: 2_000_000_000, disabled: true, expectedVersion: 1 } })),
    ).toBe("NOT_FOUND");
    expect(await auditSince(since)).toHaveLength(0);
    expect(await userRow(user.id)).toMatchObject({ disabled: true, version: user.version + 1 });
  });
});

describe("setAccountAssignments", () => {
  it("replaces the assignments, bumps the version and audits before/after", async () => {
    const user = await newWorker("asg");
    const since = await maxAuditId();
    const result = await setAccountAssignments({
      ctx: admin,
      input: {
        userId: user.id,
        assignments: [
          { role: "xiaoqu_head", regionId: xiaoquA.id },
          { role: "hr_clerk", regionId: district.id },
        ],
        expectedVersion: user.version,
      },
    });
    expect(result.version).toBe(user.version + 1);
    expect(result.assignments.map((a) => a.role).sort()).toEqual(["hr_clerk", "xiaoqu_head"]);
    const { rows } = await sql<{
      role: string;
      regionId: number;
    }>`select role, region_id as "regionId" from role_assignment where user_id = ${user.id} order by role`.execute(owner.db);
    expect(rows).toEqual([
      { role: "hr_clerk", regionId: district.id },
      { role: "xiaoqu_head", regionId: xiaoquA.id },
    ]);
    const audit = await auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "account.assignments", entityId: String(user.id) });
    expect(audit[0].before).toMatchObject({ version: user.version, assignments: [{ role: "grid_worker", regionId: gridA.id }] });
    expect((audit[0].after as { assignments: { role: string }[] }).assignments.map((a) => a.role).sort()).toEqual([
      "hr_clerk",
      "xiaoqu_head",
    ]);
  });

  it("refuses to take account management away from the administrator themself", async () => {
    const error = await setAccountAssignments({
      ctx: admin,
      input: { userId: admin.actor.userId!, assignments: [{ role: "analyst", regionId: district.id }], expectedVersion: 1 },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION", message: t.account.errors.selfLockout });
  });
});

describe("resetPassword and revokeSessions", () => {
  it("resetPassword gives a new temporary password once, requires a change, revokes sessions and audits", async () => {
    const user = await createAccount({
      ctx: admin,
      input: {
        username: username("reset"),
        displayName: "重置",
        assignments: [{ role: "grid_worker", regionId: gridA.id }],
        password: "Original-pass-1",
      },
    });
    await sql`update app_user set must_change_password = false where id = ${user.id}`.execute(owner.db);
    await addSessions(user.id, 2);
    const since = await maxAuditId();
    const result = await resetPassword({ ctx: admin, input: { userId: user.id } });
    expect(result.revokedSessions).toBe(2);
    const row = await userRow(user.id);
    expect(await argon2idHasher.verify(row.passwordHash, result.temporaryPassword)).toBe(true);
    expect(await argon2idHasher.verify(row.passwordHash, "Original-pass-1")).toBe(false);
    expect(row.mustChangePassword).toBe(true);
    expect(row.version).toBe(result.version);
    expect(await liveSessionIds(user.id)).toEqual([]);
    const audit = await auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "account.reset_password", entityId: String(user.id) });
    expect(audit[0].before).toMatchObject({ mustChangePassword: false });
    expect(audit[0].after).toMatchObject({ mustChangePassword: true, revokedSessions: 2 });
    expect(JSON.stringify(audit[0])).not.toContain(result.temporaryPassword);
    expect(JSON.stringify(audit[0])).not.toContain("argon2");
  });

  it("resetPassword refuses the administrator's own account", async () => {
    const since = await maxAuditId();
    expect(await resetPassword({ ctx: admin, input: { userId: admin.actor.userId! } }).catch((e) => e)).toMatchObject({
      code: "VALIDATION",
      message: t.account.errors.selfReset,
    });
    expect(await auditSince(since)).toHaveLength(0);
  });

  it("revokeSessions ends every live session of the account and audits the count", async () => {
    const user = await newWorker("rev");
    await addSessions(user.id, 2);
    const since = await maxAuditId();
    expect(await revokeSessions({ ctx: admin, input: { userId: user.id } })).toEqual({ revokedSessions: 2 });
    expect(await liveSessionIds(user.id)).toEqual([]);
    const audit = await auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "account.revoke_sessions",
      entityId: String(user.id),
      before: { liveSessions: 2 },
      after: { revokedSessions: 2 },
    });
  });
});

describe("changeOwnPassword", () => {
  it("checks the current password and the policy, then changes it, clears the flag and revokes only the other sessions", async () => {
    const created = await newWorker("pw");
    const temp = created.temporaryPassword!;
    const [current, other] = await addSessions(created.id, 2);
    const base = await contextWithAssignments(app.db, [{ role: "grid_worker", regionId: gridA.id }], {
      userId: created.id,
      username: created.username,
      displayName: created.displayName,
    });
    const me: RequestContext = { ...base, actor: { ...base.actor, sessionId: current, mustChangePassword: true } };

    const since = await maxAuditId();
    expect(
      await changeOwnPassword({ ctx: me, input: { currentPassword: "wrong-pass-123", newPassword: "Brand-new-pass-9" } }).catch(
        (e) => e,
      ),
    ).toMatchObject({
      code: "VALIDATION",
      message: t.auth.currentPasswordWrong,
    });
    expect(
      await changeOwnPassword({ ctx: me, input: { currentPassword: temp, newPassword: "short1" } }).catch((e) => e),
    ).toMatchObject({ code: "VALIDATION", message: t.auth.passwordTooWeak });
    expect(
      await changeOwnPassword({ ctx: me, input: { currentPassword: temp, newPassword: "onlyletterslong" } }).catch((e) => e),
    ).toMatchObject({ code: "VALIDATION", message: t.auth.passwordTooWeak });
    expect(
      await changeOwnPassword({ ctx: me, input: { currentPassword: temp, newPassword: temp } }).catch((e) => e),
    ).toMatchObject({ code: "VALIDATION", message: t.auth.passwordSameAsOld });
    expect(await auditSince(since)).toHaveLength(0);
    expect(await liveSessionIds(created.id)).toEqual([current, other]);

    expect(await changeOwnPassword({ ctx: me, input: { currentPassword: temp, newPassword: "Brand-new-pass-9" } })).toEqual({
      revokedSessions: 1,
    });
    const row = await userRow(created.id);
    expect(row.mustChangePassword).toBe(false);
    expect(await argon2idHasher.verify(row.passwordHash, "Brand-new-pass-9")).toBe(true);
    expect(await argon2idHasher.verify(row.passwordHash, temp)).toBe(false);
    expect(await liveSessionIds(created.id)).toEqual([current]);
    const audit = await auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "password.change", entityId: String(created.id), actorUserId: created.id });
    expect(audit[0].before).toMatchObject({ mustChangePassword: true });
    expect(audit[0].after).toMatchObject({ mustChangePassword: false, revokedSessions: 1 });
    expect(JSON.stringify(audit[0])).not.toContain("Brand-new-pass-9");
    expect(JSON.stringify(audit[0])).not.toContain("argon2");
  });

  it("needs a signed-in account (the system actor has none)", async () => {
    const system = await contextWithAssignments(app.db, [{ role: "system_admin", regionId: district.id }]);
    expect(await code(changeOwnPassword({ ctx: system, input: { currentPassword: "x", newPassword: "Brand-new-pass-9" } }))).toBe(
      "UNAUTHENTICATED",
    );
  });
});

describe("listRegionOptions", () => {
  it("finds regions by name or code inside the administrator's area, at the role's level", async () => {
    const byName = await listRegionOptions({ ctx: admin, input: { q: gridA.name } });
    expect(byName[0]).toMatchObject({ id: gridA.id, name: gridA.name, level: 4, levelName: "网格" });
    const forWorkers = await listRegionOptions({ ctx: admin, input: { q: "", role: "grid_worker" } });
    expect(forWorkers.length).toBeGreaterThan(0);
    expect(forWorkers.length).toBeLessThanOrEqual(20);
    expect(forWorkers.every((r) => r.level === 4)).toBe(true);
    const streetAdmin = await contextWithAssignments(app.db, [{ role: "system_admin", regionId: streetA.id }]);
    expect(await listRegionOptions({ ctx: streetAdmin, input: { q: gridB.name } })).toEqual([]);
    const { rows } = await sql<{ code: string }>`select code from region where id = ${communityA.id}`.execute(owner.db);
    const byCode = await listRegionOptions({ ctx: streetAdmin, input: { q: rows[0].code, role: "community_head" } });
    expect(byCode[0]).toMatchObject({ id: communityA.id });
  });
});

describe("permissions", () => {
  it("refuses every administrative verb to every role without account.manage (FORBIDDEN, nothing audited)", async () => {
    const target = await newWorker("perm");
    const since = await maxAuditId();
    const roles = ROLES.filter((r) => !PERMISSIONS[r].includes("account.manage"));
    expect(roles.length).toBe(ROLES.length - 1);
    for (const role of roles) {
      const ctx = await contextWithAssignments(app.db, [{ role, regionId: await regionAtLevel(role) }], {
        userId: admin.actor.userId,
        username: "someone",
        displayName: "非管理员",
      });
      const calls: Promise<unknown>[] = [
        listAccounts({ ctx, input: {} }),
        createAccount({
          ctx,
          input: {
            username: username("nope"),
            displayName: "不应创建",
            assignments: [{ role: "grid_worker", regionId: gridA.id }],
          },
        }),
        setAccountAssignments({
          ctx,
          input: {
            userId: target.id,
            assignments: [{ role: "analyst", regionId: district.id }],
            expectedVersion: target.version,
          },
        }),
        setAccountDisabled({ ctx, input: { userId: target.id, disabled: true, expectedVersion: target.version } }),
        resetPassword({ ctx, input: { userId: target.id } }),
        revokeSessions({ ctx, input: { userId: target.id } }),
        listRegionOptions({ ctx, input: { q: "" } }),
      ];
      for (const call of calls) expect(`${role}: ${await code(call)}`).toBe(`${role}: FORBIDDEN`);
    }
    expect(await auditSince(since)).toHaveLength(0);
    expect(await userRow(target.id)).toMatchObject({ disabled: false, version: target.version });
  });
});

describe("audit_log", () => {
  it("is append-only for the application role: UPDATE and DELETE fail", async () => {
    await expect(
      sql`update audit_log set action = 'tampered' where id = (select max(id) from audit_log)`.execute(app.db),
    ).rejects.toThrow();
    await expect(sql`delete from audit_log where id = (select max(id) from audit_log)`.execute(app.db)).rejects.toThrow();
    // Even the owner cannot (the trigger), so the application role certainly could not through any grant.
    await expect(sql`delete from audit_log where id = (select max(id) from audit_log)`.execute(owner.db)).rejects.toThrow(
      /append-only/,
    );
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'tampered'`.execute(
      owner.db,
    );
    expect(rows[0].n).toBe(0);
  });
});
