import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { Connection } from "../../db/client";
import { openTestDb } from "../../db/testing/test-db";
import { contextFromHeaders } from "../context";
import { openAppTestDb } from "../testing/seeded-district";
import { createSignedInAccount } from "../testing/test-sessions";
import { argon2idHasher, type PasswordHasher } from "./password";
import { signIn } from "./sign-in";
import { SESSION_COOKIE } from "./session-token";
import { THROTTLE } from "./throttle";

let owner: Connection;
let app: Connection;
let districtId = 0;
const PASSWORD = "Correct2026horse";

/** Counts every hash check, to see that the unknown-user path does the same work as a wrong password. */
function countingHasher(): PasswordHasher & { verifies: number } {
  const h = {
    verifies: 0,
    hash: argon2idHasher.hash,
    verify: async (passwordHash: string, password: string) => {
      h.verifies++;
      return argon2idHasher.verify(passwordHash, password);
    },
  };
  return h;
}

async function makeUser(username: string, extra: { disabled?: boolean; mustChange?: boolean } = {}) {
  const user = await owner.db
    .insertInto("app_user")
    .values({
      username,
      display_name: username,
      password_hash: await argon2idHasher.hash(PASSWORD),
      disabled_at: extra.disabled ? new Date() : null,
      must_change_password: extra.mustChange ?? false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await owner.db
    .insertInto("role_assignment")
    .values({ user_id: user.id, role: "district_commander", region_id: districtId })
    .execute();
  return user.id;
}

const request = (address: string) => ({ address, userAgent: "vitest" });

beforeAll(async () => {
  owner = openTestDb();
  app = openAppTestDb();
  await sql`truncate app_user, user_session, sign_in_attempt cascade`.execute(owner.db);
  // A district region to assign (the small seed is not needed for sign-in).
  const { rows } = await sql<{ id: number }>`select id from region where level = 0 order by id limit 1`.execute(owner.db);
  districtId =
    rows[0]?.id ??
    (
      await sql<{ id: number }>`
        insert into region (code, name, level, kind, parent_id, path, district_code, geom)
        values ('110112', '通州区', 0, 'district', null, '110112', '110112', st_multi(st_makeenvelope(116.6, 39.7, 116.8, 39.9, 4326)))
        returning id`.execute(owner.db)
    ).rows[0].id;
});
afterAll(async () => {
  await app.db.destroy();
  await owner.db.destroy();
});

// The sign-in and sign-out routes are tested beside them (app/api/auth/sign-in/route.db.test.ts).
describe("signIn", () => {
  it("opens a session for the right password and the session resolves to the account with its roles", async () => {
    const userId = await makeUser("alice");
    const signed = await signIn({ db: app.db, input: { username: " Alice ", password: PASSWORD }, request: request("10.0.0.1") });
    expect(signed.userId).toBe(userId);
    expect(signed.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ctx = await contextFromHeaders(app.db, new Headers({ cookie: `${SESSION_COOKIE}=${signed.token}` }));
    expect(ctx.actor).toMatchObject({ userId, username: "alice", mustChangePassword: false });
    expect(ctx.actor.assignments.map((a) => a.role)).toEqual(["district_commander"]);
    // Only the token's hash is stored.
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from user_session where token_hash = sha256(convert_to(${signed.token}, 'UTF8'))`.execute(
      owner.db,
    );
    expect(rows[0].n).toBe(1);
  });

  it("answers an unknown user exactly like a wrong password, after the same argon2id work", async () => {
    await makeUser("bob");
    const wrong = countingHasher();
    const unknown = countingHasher();
    const a = await signIn({
      db: app.db,
      input: { username: "bob", password: "Wrong2026pass" },
      request: request("10.0.0.2"),
      hasher: wrong,
    }).catch((e) => e);
    const b = await signIn({
      db: app.db,
      input: { username: "nobody", password: "Wrong2026pass" },
      request: request("10.0.0.3"),
      hasher: unknown,
    }).catch((e) => e);
    expect([a.code, a.message]).toEqual(["UNAUTHENTICATED", "用户名或密码错误。"]);
    expect([b.code, b.message]).toEqual([a.code, a.message]);
    expect(wrong.verifies).toBe(1);
    expect(unknown.verifies).toBe(1);
  });

  it("after 5 failures per account waits a doubling delay at the addresses that failed, also for an unknown name; success clears it", async () => {
    await makeUser("carol");
    for (let i = 0; i < THROTTLE.freeFailures; i++) {
      await expect(
        signIn({ db: app.db, input: { username: "carol", password: `Wrong${i}pass1` }, request: request(`10.1.0.${i}`) }),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const t0 = new Date();
    // An address that failed on carol (10.1.0.4, once) waits the account's delay.
    const throttled = await signIn({
      db: app.db,
      input: { username: "carol", password: PASSWORD },
      request: request("10.1.0.4"),
      now: t0,
    }).catch((e) => e);
    expect(throttled.code).toBe("THROTTLED");
    expect(Number(throttled.details.retryAfterSeconds)).toBeGreaterThan(25);
    expect(Number(throttled.details.retryAfterSeconds)).toBeLessThanOrEqual(THROTTLE.baseDelaySeconds);
    // The delay has passed: the right password works there and clears the account's count.
    const later = new Date(Date.now() + (THROTTLE.baseDelaySeconds + 1) * 1000);
    await expect(
      signIn({ db: app.db, input: { username: "carol", password: PASSWORD }, request: request("10.1.0.4"), now: later }),
    ).resolves.toMatchObject({ token: expect.any(String) });
    await expect(
      signIn({ db: app.db, input: { username: "carol", password: PASSWORD }, request: request("10.1.1.1") }),
    ).resolves.toMatchObject({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), mustChangePassword: false });

    for (let i = 0; i < THROTTLE.freeFailures; i++) {
      await signIn({
        db: app.db,
        input: { username: "ghost", password: "Wrong2026pass" },
        request: request(`10.2.0.${i}`),
      }).catch(() => undefined);
    }
    await expect(
      signIn({ db: app.db, input: { username: "ghost", password: "Wrong2026pass" }, request: request("10.2.0.0") }),
    ).rejects.toMatchObject({ code: "THROTTLED" });
  });

  it("a stranger's failures from many addresses do not stop the owner's right password from a clean address", async () => {
    await makeUser("grace");
    // 30 wrong passwords from 10 addresses (3 each, under the per-address limit): a public demo name under attack.
    for (let i = 0; i < 30; i++) {
      await signIn({
        db: app.db,
        input: { username: "grace", password: `Guess${i}word` },
        request: request(`10.30.0.${i % 10}`),
      }).catch(() => undefined);
    }
    // The brute forcer is slowed: every address that failed waits the account's delay (30 failures: 15 min).
    const slowed = await signIn({
      db: app.db,
      input: { username: "grace", password: "Guess99word" },
      request: request("10.30.0.3"),
    }).catch((e) => e);
    expect(slowed.code).toBe("THROTTLED");
    expect(Number(slowed.details.retryAfterSeconds)).toBeGreaterThan(THROTTLE.maxDelaySeconds - 60);
    // …even with the right password (it cannot tell a guess from the owner there).
    await expect(
      signIn({ db: app.db, input: { username: "grace", password: PASSWORD }, request: request("10.30.0.7") }),
    ).rejects.toMatchObject({ code: "THROTTLED" });
    // The owner at an address that has not failed on grace signs in at once.
    await expect(
      signIn({ db: app.db, input: { username: "grace", password: PASSWORD }, request: request("192.168.7.20") }),
    ).resolves.toMatchObject({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
  });

  it("throttles an address that tries many names", async () => {
    for (let i = 0; i < THROTTLE.freeFailures; i++) {
      await signIn({
        db: app.db,
        input: { username: `spray${i}`, password: "Wrong2026pass" },
        request: request("10.9.9.9"),
      }).catch(() => undefined);
    }
    await makeUser("dave");
    await expect(
      signIn({ db: app.db, input: { username: "dave", password: PASSWORD }, request: request("10.9.9.9") }),
    ).rejects.toMatchObject({ code: "THROTTLED" });
    await expect(
      signIn({ db: app.db, input: { username: "dave", password: PASSWORD }, request: request("10.9.9.10") }),
    ).resolves.toMatchObject({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), mustChangePassword: false });
  });

  it("refuses a disabled account with its own message, only after the password was right", async () => {
    await makeUser("erin", { disabled: true });
    await expect(
      signIn({ db: app.db, input: { username: "erin", password: PASSWORD }, request: request("10.3.0.1") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "该账户已停用，请联系系统管理员。" });
    await expect(
      signIn({ db: app.db, input: { username: "erin", password: "Wrong2026pass" }, request: request("10.3.0.1") }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("rotates the session: signing in again revokes the token the browser came with", async () => {
    await makeUser("frank");
    const first = await signIn({ db: app.db, input: { username: "frank", password: PASSWORD }, request: request("10.4.0.1") });
    const second = await signIn({
      db: app.db,
      input: { username: "frank", password: PASSWORD },
      request: { ...request("10.4.0.1"), previousToken: first.token },
    });
    expect(second.token).not.toBe(first.token);
    await expect(contextFromHeaders(app.db, new Headers({ cookie: `${SESSION_COOKIE}=${first.token}` }))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(contextFromHeaders(app.db, new Headers({ cookie: `${SESSION_COOKIE}=${second.token}` }))).resolves.toMatchObject(
      {
        actor: { userId: second.userId, username: "frank" },
      },
    );
  });
});

describe("sessions", () => {
  it("end at their absolute expiry, after the idle limit, when revoked and when the account is disabled", async () => {
    const headersOf = (token: string) => new Headers({ cookie: `${SESSION_COOKIE}=${token}` });
    const expired = await createSignedInAccount(owner.db, "expired", [{ role: "district_commander", regionId: districtId }], {
      expiresInMs: -1000,
    });
    await expect(contextFromHeaders(app.db, headersOf(expired.token))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const idle = await createSignedInAccount(owner.db, "idle", [{ role: "district_commander", regionId: districtId }]);
    await expect(contextFromHeaders(app.db, headersOf(idle.token))).resolves.toMatchObject({
      actor: { userId: idle.userId, username: "idle" },
    });
    await sql`update user_session set last_seen_at = now() - interval '1 day' where user_id = ${idle.userId}`.execute(owner.db);
    await expect(contextFromHeaders(app.db, headersOf(idle.token))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const revoked = await createSignedInAccount(owner.db, "revoked", [{ role: "district_commander", regionId: districtId }]);
    await sql`update user_session set revoked_at = now() where user_id = ${revoked.userId}`.execute(owner.db);
    await expect(contextFromHeaders(app.db, headersOf(revoked.token))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const disabled = await createSignedInAccount(owner.db, "disabled", [{ role: "district_commander", regionId: districtId }]);
    await sql`update app_user set disabled_at = now() where id = ${disabled.userId}`.execute(owner.db);
    await expect(contextFromHeaders(app.db, headersOf(disabled.token))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
