import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { productConnection, type Connection } from "../../../../db/client";
import { openTestDb } from "../../../../db/testing/test-db";
import { argon2idHasher } from "../../../../lib/auth/password";
import { SESSION_COOKIE } from "../../../../lib/auth/session-token";
import { THROTTLE } from "../../../../lib/auth/throttle";
import { GET as districtRoute } from "../../district/route";
import { POST as signOutRoute } from "../sign-out/route";
import { POST as signInRoute } from "./route";

// The sign-in verb itself (throttling, sessions) is tested in lib/auth/sign-in.db.test.ts.
let owner: Connection;
let districtId = 0;
const PASSWORD = "Correct2026horse";

async function makeUser(username: string) {
  const user = await owner.db
    .insertInto("app_user")
    .values({ username, display_name: username, password_hash: await argon2idHasher.hash(PASSWORD) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await owner.db
    .insertInto("role_assignment")
    .values({ user_id: user.id, role: "district_commander", region_id: districtId })
    .execute();
  return user.id;
}

beforeAll(async () => {
  owner = openTestDb();
  const { rows } = await sql<{ id: number }>`select id from region where level = 0 order by id limit 1`.execute(owner.db);
  districtId = rows[0].id;
});
afterAll(async () => {
  await productConnection().db.destroy();
  await owner.db.destroy();
});

describe("the sign-in and sign-out routes", () => {
  const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    new Request("http://localhost:3000/api/auth/sign-in", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        host: "localhost:3000",
        origin: "http://localhost:3000",
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });

  it("a same-site form post sets an HttpOnly, SameSite=Lax cookie and redirects to `next`", async () => {
    await makeUser("grace");
    const res = await signInRoute(form({ username: "grace", password: PASSWORD, next: "/buildings/7" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/buildings/7");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const token = cookie.split(";")[0].split("=")[1];
    const district = await districtRoute(
      new Request("http://localhost:3000/api/district", { headers: { cookie: `${SESSION_COOKIE}=${token}` } }),
    );
    expect(district.status).toBe(200);

    const out = await signOutRoute(
      new Request("http://localhost:3000/api/auth/sign-out", {
        method: "POST",
        headers: { cookie: `${SESSION_COOKIE}=${token}`, host: "localhost:3000", origin: "http://localhost:3000" },
      }),
    );
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    const after = await districtRoute(
      new Request("http://localhost:3000/api/district", { headers: { cookie: `${SESSION_COOKIE}=${token}` } }),
    );
    expect(after.status).toBe(401);
  });

  it("refuses a cross-site form post (CSRF) without signing in, and never redirects off-site", async () => {
    await makeUser("heidi");
    const res = await signInRoute(
      form(
        { username: "heidi", password: PASSWORD, next: "//evil.example/x" },
        { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      ),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?error=cross-site");
    expect(res.headers.get("set-cookie")).toBeNull();
    const json = await signInRoute(
      new Request("http://localhost:3000/api/auth/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json", host: "localhost:3000", origin: "https://evil.example" },
        body: JSON.stringify({ username: "heidi", password: PASSWORD }),
      }),
    );
    expect(json.status).toBe(403);
    const signOut = await signOutRoute(
      new Request("http://localhost:3000/api/auth/sign-out", {
        method: "POST",
        headers: { host: "localhost:3000", origin: "https://evil.example" },
      }),
    );
    expect(signOut.status).toBe(403);
  });

  it("a throttled JSON sign-in answers 429 with Retry-After; a wrong form sign-in goes back with the reason", async () => {
    const wrong = await signInRoute(
      form({ username: "nobody2", password: "Wrong2026pass" }, { [`x-gridatlas-client-address`]: "10.7.0.1" }),
    );
    expect(wrong.headers.get("location")).toBe("/sign-in?error=failed");
    for (let i = 0; i < THROTTLE.freeFailures; i++)
      await signInRoute(form({ username: "nobody2", password: "Wrong2026pass" }, { "x-gridatlas-client-address": "10.7.1.1" }));
    const res = await signInRoute(
      new Request("http://localhost:3000/api/auth/sign-in", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          host: "localhost:3000",
          origin: "http://localhost:3000",
          "x-gridatlas-client-address": "10.7.1.1",
        },
        body: JSON.stringify({ username: "nobody2", password: "Wrong2026pass" }),
      }),
    );
    // The address that failed is held back (a clean address is not: lib/auth's throttle test covers that).
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
