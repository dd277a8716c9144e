import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { NextRequest } from "next/server";
import { productConnection, type Connection } from "../../db/client";
import { closeTileConnection } from "../../tiles/tile-connection";
import { CLIENT_ADDRESS_HEADER } from "../../lib/client-address";
import { withSeededDistrict } from "../../lib/testing/seeded-district";
import { createSignedInAccount } from "../../lib/testing/test-sessions";

/**
 * The black-box probe's kind of test, kept in the suite: every route handler of app/ gets the inputs that
 * used to crash it — ids like "1e3", "0x10", " 12", "-1" and beyond int4, a stray "%", NUL characters in
 * paths, parameters and bodies, the JSON body `null` — signed in as the district and as the administrator,
 * and signed out. None may answer 500: each must be a clear 4xx (or a 2xx that ignored the oddity).
 */

let owner: Connection;
withSeededDistrict((c) => {
  owner = c;
});
afterAll(async () => {
  await closeTileConnection();
  await productConnection().db.destroy();
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { path: string; segments: string[]; methods: [string, Handler][] };

const ORIGIN = "http://localhost:3000";
/** A well-formed id no row has: the probe must not reset, disable or sign out its own accounts (ids 1, 2 …). */
const ABSENT_ID = "999999";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/, its dynamic segments and its handlers. */
const modules = import.meta.glob<Record<string, unknown>>("../**/route.ts");

async function loadRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const [file, load] of Object.entries(modules)) {
    const path = file
      .replace(/^\.\.\//, "/")
      .replace(/\/route\.ts$/, "")
      .replace(/\/\([^)]+\)/g, "");
    const mod = await load();
    const methods = METHODS.filter((m) => typeof mod[m] === "function").map((m): [string, Handler] => [m, mod[m] as Handler]);
    routes.push({ path, segments: [...path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]), methods });
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}

/** Values a route must refuse with a 4xx (or ignore), never crash on. As Next hands them over: decoded. */
const ODD_SEGMENTS = ["1e3", "0x10", " 12", "12abc", "-1", "0", "1.5", "%", "\u0000", "2147483648", "99999999999999999999"];
const ODD_VALUES = ["\u0000", "%", "1e3", "99999999999999999999", "-1", "a\u0000b"];
const QUERY_KEYS = [
  "q",
  "id",
  "categoryId",
  "area",
  "regionId",
  "residentId",
  "limit",
  "after",
  "before",
  "from",
  "to",
  "state",
  "kinds",
  "outcome",
  "lon",
  "lat",
  "user",
  "actor",
  "kind",
  "field",
  "period",
  "format",
  "unmasked",
  "reason",
  "service_code",
  "service_request_id",
  "status",
  "start_date",
  "end_date",
  "jurisdiction_id",
  "api_key",
  "toleranceM2",
];
const BODY_KEYS = [
  "id",
  "caseId",
  "categoryId",
  "regionId",
  "leadUnitId",
  "expectedVersion",
  "version",
  "orderId",
  "amount",
  "username",
  "password",
  "displayName",
  "description",
  "note",
  "reason",
  "field",
  "action",
  "name",
  "code",
  "address",
  "urgency",
  "level",
  "stage",
  "unit",
  "role",
  "day",
  "value",
  "requestId",
  "clientRequestId",
];
// Arrays of ids, nested objects: where a crash hid behind a valid-looking shape.
const NESTED = {
  coUnitIds: [99999999999999, "1e3"],
  photoIds: [2 ** 40, "0x10"],
  assignments: [{ role: "grid_worker", regionId: 99999999999 }],
  risk: { l: 1e300, e: "\u0000", c: -1 },
};

const pathOf = (route: Route, values: Record<string, string>) =>
  route.path.replace(/\[([^\]]+)\]/g, (_m, name: string) => encodeURIComponent(values[name] ?? ABSENT_ID));

function request(method: string, url: string, cookie: string | null, body?: { json?: unknown; form?: string }): Request {
  const headers: Record<string, string> = { origin: ORIGIN, host: "localhost:3000", [CLIENT_ADDRESS_HEADER]: "192.0.2.99" };
  if (cookie) headers.cookie = cookie;
  let payload: string | undefined;
  if (body?.json !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body.json);
  } else if (body?.form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    payload = body.form;
  }
  return new NextRequest(new URL(url, ORIGIN), { method, headers, body: method === "GET" ? undefined : payload });
}

async function call(route: Route, method: string, handler: Handler, values: Record<string, string>, req: Request) {
  const params = Object.fromEntries(route.segments.map((s) => [s, values[s] ?? ABSENT_ID]));
  const response = await handler(req, { params: Promise.resolve(params) });
  await response.arrayBuffer().catch(() => undefined);
  return `${response.status} ${method} ${req.url.slice(0, 160)}`;
}

let routes: Route[] = [];
const cookies: (string | null)[] = [null];
beforeAll(async () => {
  routes = await loadRoutes();
  const district = await sql<{ id: number }>`select id from region where level = 0`.execute(owner.db);
  const regionId = district.rows[0].id;
  cookies.push((await createSignedInAccount(owner.db, "probe_commander", [{ role: "district_commander", regionId }])).cookie);
  cookies.push((await createSignedInAccount(owner.db, "probe_admin", [{ role: "system_admin", regionId }])).cookie);
});

/** Runs every variation on every route and returns the answers that were 500 or worse. */
async function crashes(
  variations: (route: Route, method: string) => { values: Record<string, string>; req: (c: string | null) => Request }[],
) {
  const failed: string[] = [];
  for (const route of routes) {
    for (const [method, handler] of route.methods) {
      for (const v of variations(route, method)) {
        for (const cookie of cookies) {
          // Signing out would end the probe's own session: the rest would run as a stranger (401).
          if (cookie && route.path === "/api/auth/sign-out") continue;
          const answer = await call(route, method, handler, v.values, v.req(cookie));
          if (Number(answer.slice(0, 3)) >= 500) failed.push(`${answer} ${cookie ? "signed in" : "anonymous"}`);
        }
      }
    }
  }
  // The probe really ran signed in: both sessions still work.
  for (const cookie of cookies.slice(1)) {
    const [, district] = routes.find((r) => r.path === "/api/case-notices")!.methods.find(([m]) => m === "GET")!;
    expect((await district(request("GET", "/api/case-notices", cookie), { params: Promise.resolve({}) })).status).not.toBe(401);
  }
  return failed;
}

describe("odd inputs never crash a route (no 500)", () => {
  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.map((r) => r.path)).toContain("/api/buildings/[id]");
    expect(routes.map((r) => r.path)).toContain("/open311/v2/[resource]");
  });

  it("odd ids and stray % or NUL in every path segment", async () => {
    const failed = await crashes((route, method) =>
      route.segments.length === 0
        ? []
        : ODD_SEGMENTS.map((odd) => {
            const values = Object.fromEntries(route.segments.map((s) => [s, odd]));
            // Open311 and tiles take "<name>.<format>" and numbers; keep the suffix so the name is reached.
            if (route.path.includes("open311")) for (const s of route.segments) values[s] = `${odd}.json`;
            return { values, req: (c) => request(method, pathOf(route, values), c, method === "GET" ? undefined : { json: {} }) };
          }),
    );
    expect(failed).toEqual([]);
  });

  it("odd values in every query parameter", async () => {
    const failed = await crashes((route, method) =>
      ODD_VALUES.map((odd) => {
        const values = Object.fromEntries(
          route.segments.map((s) => [s, route.path.includes("open311") ? "requests.json" : ABSENT_ID]),
        );
        const query = new URLSearchParams(QUERY_KEYS.map((k) => [k, odd]));
        return { values, req: (c) => request(method, `${pathOf(route, values)}?${query}`, c) };
      }),
    );
    expect(failed).toEqual([]);
  });

  it("odd JSON and form bodies on every write (null, a list, NUL, huge ids)", async () => {
    const bodies: { json?: unknown; form?: string }[] = [
      { json: null },
      { json: [] },
      { json: "x" },
      ...ODD_VALUES.map((odd) => ({ json: { ...Object.fromEntries(BODY_KEYS.map((k) => [k, odd])), ...NESTED } })),
      { json: { ...Object.fromEntries(BODY_KEYS.map((k) => [k, 1e20])), ...NESTED } },
      { json: { ...Object.fromEntries(BODY_KEYS.map((k) => [k, 2147483648])), ...NESTED } },
      { form: new URLSearchParams(BODY_KEYS.map((k) => [k, "a\u0000b"])).toString() },
      { form: "%%%=%00&username=%&password=%E0%A4%A" },
    ];
    const failed = await crashes((route, method) => {
      if (method === "GET") return [];
      const values = Object.fromEntries(
        route.segments.map((s) => [s, route.path.includes("open311") ? "requests.json" : ABSENT_ID]),
      );
      return bodies.map((body) => ({ values, req: (c) => request(method, pathOf(route, values), c, body) }));
    });
    expect(failed).toEqual([]);
  });
});

/** Each 500 the probe found, now its 4xx with a Chinese message. */
describe("the probe's findings answer 4xx", () => {
  const route = (path: string) => {
    const found = routes.find((r) => r.path === path);
    if (!found) throw new Error(`no route ${path}`);
    return found;
  };
  const handler = (path: string, method: string) => route(path).methods.find(([m]) => m === method)![1];
  const answer = async (path: string, method: string, req: Request, values: Record<string, string> = {}) => {
    const response = await handler(path, method)(req, { params: Promise.resolve(values) });
    return { status: response.status, text: await response.text() };
  };
  const commander = () => cookies[1];
  const chinese = /[\u4e00-\u9fff]/;

  it("sign-in with the JSON body null: 400 请输入用户名和密码", async () => {
    const r = await answer("/api/auth/sign-in", "POST", request("POST", "/api/auth/sign-in", null, { json: null }));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toEqual({
      code: "VALIDATION",
      message: "请求参数不正确。",
      details: { username: "请输入用户名和密码。", password: "请输入用户名和密码。" },
    });
  });

  it("Open311: a stray % in the path and %00 in a parameter are 400, not 500", async () => {
    const path = await answer("/open311/v2/requests/[file]", "GET", request("GET", "/open311/v2/requests/%25.json", null), {
      file: "%.json",
    });
    expect(path.status).toBe(400);
    const nul = await answer(
      "/open311/v2/[resource]",
      "GET",
      request("GET", "/open311/v2/requests.json?service_code=%00", null),
      { resource: "requests.json" },
    );
    expect(nul.status).toBe(400);
    expect(JSON.parse(nul.text)).toEqual([{ code: 400, description: "参数中含有不允许的控制字符（NUL）" }]);
  });

  it("a categoryId beyond int4 is 400 (the id parser), not PostgreSQL's out-of-range 500", async () => {
    const r = await answer(
      "/api/cases",
      "POST",
      request("POST", "/api/cases", commander(), {
        json: { clientRequestId: crypto.randomUUID(), categoryId: 2147483648, description: "路灯不亮", lon: 116.66, lat: 39.9 },
      }),
    );
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error.details).toEqual({ categoryId: "编号格式不正确，应为正整数。" });
    const dup = await answer(
      "/api/cases/duplicates",
      "GET",
      request("GET", "/api/cases/duplicates?categoryId=1e3&lon=116.6&lat=39.9", commander()),
    );
    expect(dup.status).toBe(400);
  });

  it("a NUL character in text is refused with 400 naming the field", async () => {
    const r = await answer(
      "/api/cases",
      "POST",
      request("POST", "/api/cases", commander(), {
        json: { clientRequestId: crypto.randomUUID(), categoryId: 1, description: "路灯\u0000不亮", lon: 116.66, lat: 39.9 },
      }),
    );
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toEqual({
      code: "VALIDATION",
      message: "输入中含有不允许的控制字符（NUL），请删除后重试。",
      details: { description: "输入中含有不允许的控制字符（NUL），请删除后重试。" },
    });
  });

  it("/api/search?q=%00 is 400", async () => {
    const r = await answer("/api/search", "GET", request("GET", "/api/search?q=%00", commander()));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error.message).toMatch(chinese);
  });

  it("ids like 1e3, 0x10, ' 12', 12abc, -1 are 400; a plain 12 is looked up", async () => {
    for (const id of ["1e3", "0x10", " 12", "12abc", "-1", "012", "2147483648"]) {
      const r = await answer("/api/regions/[id]", "GET", request("GET", `/api/regions/${encodeURIComponent(id)}`, commander()), {
        id,
      });
      expect([id, r.status]).toEqual([id, 400]);
      expect(JSON.parse(r.text).error.details).toEqual({ id: "编号格式不正确，应为正整数。" });
    }
    const plain = await answer("/api/regions/[id]", "GET", request("GET", "/api/regions/1", commander()), { id: "1" });
    expect(plain.status).toBe(200);
  });

  it("zod's own messages are Chinese: a wrong type in a body is a 400 in Chinese", async () => {
    const r = await answer(
      "/api/cases",
      "POST",
      request("POST", "/api/cases", commander(), {
        json: { clientRequestId: "x", categoryId: 1, description: 5, lon: 116.66, lat: 39.9 },
      }),
    );
    expect(r.status).toBe(400);
    const details = JSON.parse(r.text).error.details as Record<string, string>;
    expect(Object.keys(details).sort()).toEqual(["clientRequestId", "description"]);
    for (const message of Object.values(details)) expect(message).toMatch(chinese);
  });
});
