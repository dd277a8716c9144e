import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { productConnection, type Connection } from "../../../db/client";
import { contextWithAssignments, type RequestContext } from "../../../lib/context";
import { createApiKey, listApiKeys, revokeApiKey } from "../../../lib/open311/api-keys";
import { populatedGridChains, type GridChain } from "../../../lib/testing/case-actors";
import { withSeededDistrict } from "../../../lib/testing/seeded-district";
import { GET as resourceGet, POST as resourcePost } from "./[resource]/route";
import { GET as requestGet } from "./requests/[file]/route";
import { GET as serviceGet } from "./services/[file]/route";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});
afterAll(async () => {
  await productConnection().db.destroy();
});

const BASE = "http://gridatlas.test/open311/v2/";

/**
 * A small client that follows GeoReport v2: it knows only URLs ("services.json", "requests/<id>.json"),
 * form-encoded POSTs and the [{code, description}] error list. It reaches the route handlers the way Next.js
 * would, by the path.
 */
const client = {
  async get(path: string, headers: Record<string, string> = {}) {
    const url = new URL(path, BASE);
    const rest = url.pathname.replace(/^\/open311\/v2\//, "");
    const request = new Request(url, { headers });
    const [first, second] = rest.split("/");
    const response =
      second === undefined
        ? await resourceGet(request, { params: Promise.resolve({ resource: first }) })
        : first === "services"
          ? await serviceGet(request, { params: Promise.resolve({ file: second }) })
          : await requestGet(request, { params: Promise.resolve({ file: second }) });
    return {
      status: response.status,
      type: response.headers.get("content-type") ?? "",
      retryAfter: response.headers.get("retry-after"),
      text: await response.text(),
    };
  },
  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    const url = new URL(path, BASE);
    const request = new Request(url, {
      method: "POST",
      body: new URLSearchParams(fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });
    const response = await resourcePost(request, { params: Promise.resolve({ resource: url.pathname.split("/").pop()! }) });
    return {
      status: response.status,
      type: response.headers.get("content-type") ?? "",
      retryAfter: response.headers.get("retry-after"),
      text: await response.text(),
    };
  },
};

const json = <T>(r: { text: string }) => JSON.parse(r.text) as T;
type Req = Record<string, unknown> & { service_request_id: string; status: string };

let admin: RequestContext;
let home: GridChain;
let elsewhere: GridChain;
let token: string;
let keyId: number;

beforeAll(async () => {
  const chains = await populatedGridChains(owner);
  home = chains[0];
  elsewhere = chains.find((c) => c.street !== home.street)!;
  admin = await contextWithAssignments(app.db, [{ role: "system_admin", regionId: home.district }], {
    displayName: "测试管理员",
  });
  const created = await createApiKey({ ctx: admin, input: { name: "市民App", regionId: home.street } });
  token = created.token;
  keyId = created.key.id;
});

function postFields(extra: Record<string, string> = {}) {
  return {
    api_key: token,
    service_code: "event.exposed_garbage",
    lat: String(home.lat),
    long: String(home.lon),
    description: "路边垃圾堆积三天，联系电话13912345678",
    first_name: "三",
    last_name: "张",
    phone: "13800138000",
    email: "zhang@example.com",
    media_url: "https://example.com/photo.jpg",
    ...extra,
  };
}

describe("API keys", () => {
  it("shows the token once and stores only its SHA-256", async () => {
    expect(token).toMatch(/^ga311_[A-Za-z0-9_-]{32}$/);
    const row = await owner.db.selectFrom("api_key").selectAll().where("id", "=", keyId).executeTakeFirstOrThrow();
    expect(row.key_hash.equals(createHash("sha256").update(token).digest())).toBe(true);
    expect(JSON.stringify(row)).not.toContain(token.slice(12));
    const { keys, regions } = await listApiKeys({ ctx: admin });
    expect(keys.find((k) => k.id === keyId)).toMatchObject({
      name: "市民App",
      prefix: token.slice(0, 12),
      regionId: home.street,
      revokedAt: null,
    });
    expect(JSON.stringify(keys)).not.toContain(token);
    expect(regions.map((r) => r.level)).toContain(1);
  });

  it("refuses other roles and regions outside the administrator's area", async () => {
    const commander = await contextWithAssignments(app.db, [{ role: "district_commander", regionId: home.district }]);
    await expect(createApiKey({ ctx: commander, input: { name: "x", regionId: home.street } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const streetAdmin = await contextWithAssignments(app.db, [{ role: "system_admin", regionId: home.street }]);
    await expect(createApiKey({ ctx: streetAdmin, input: { name: "x", regionId: elsewhere.street } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(createApiKey({ ctx: admin, input: { name: " ", regionId: home.street } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});

describe("Open311 GeoReport v2, as a client that follows the spec", () => {
  let id: string;

  it("lists services from the category tree (city management only) and defines one", async () => {
    const r = await client.get("services.json");
    expect(r.status).toBe(200);
    expect(r.type).toContain("application/json");
    const services = json<Record<string, unknown>[]>(r);
    expect(services.find((s) => s.service_code === "event.exposed_garbage")).toEqual({
      service_code: "event.exposed_garbage",
      service_name: "暴露垃圾",
      description: "城市事件：暴露垃圾",
      metadata: false,
      type: "realtime",
      keywords: "城市事件,管理类",
      group: "城市事件",
    });
    expect(services.some((s) => String(s.service_code).startsWith("dispute."))).toBe(false);
    expect(services.some((s) => String(s.service_code).startsWith("hotline."))).toBe(false);

    expect(json(await client.get("services/event.exposed_garbage.json"))).toEqual({
      service_code: "event.exposed_garbage",
      attributes: [],
    });
    const xml = await client.get("services.xml");
    expect(xml.type).toContain("application/xml");
    expect(xml.text).toContain("<services><service><service_code>");
  });

  it("posts a request with a key and reads it back by id and in requests.json, without personal data", async () => {
    const posted = await client.post("requests.json", postFields());
    expect(posted.status).toBe(201);
    const [created] = json<{ service_request_id: string; service_notice: string; account_id: null }[]>(posted);
    expect(created.service_request_id).toMatch(/^SJ\d{15}$/);
    expect(created.service_notice).toContain(created.service_request_id);
    expect(created.account_id).toBeNull();
    id = created.service_request_id;

    const one = await client.get(`requests/${id}.json`);
    expect(one.status).toBe(200);
    const [req] = json<Req[]>(one);
    expect(req).toMatchObject({
      service_request_id: id,
      status: "open",
      service_code: "event.exposed_garbage",
      service_name: "暴露垃圾",
      description: "路边垃圾堆积三天，联系电话139****5678",
      media_url: "https://example.com/photo.jpg",
      address_id: null,
    });
    expect(req.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(req.lat).toBeCloseTo(home.lat, 6);
    expect(req.long).toBeCloseTo(home.lon, 6);
    for (const secret of ["张", "13800138000", "13912345678", "zhang@example.com", "138****8000"])
      expect(one.text).not.toContain(secret);

    const listed = json<Req[]>(await client.get(`requests.json?service_request_id=${id},SJ000`));
    expect(listed.map((r) => r.service_request_id)).toEqual([id]);
    const recent = await client.get("requests.json");
    expect(json<Req[]>(recent).map((r) => r.service_request_id)).toContain(id);
    expect(recent.text).not.toContain("13800138000");
    expect(json<Req[]>(await client.get("requests.json?status=closed")).map((r) => r.service_request_id)).not.toContain(id);
    expect(
      json<Req[]>(await client.get("requests.json?service_code=component.street_lamp")).map((r) => r.service_request_id),
    ).not.toContain(id);
    expect(json<Req[]>(await client.get("requests.json?start_date=2030-01-01T00:00:00Z")).length).toBe(0);
    const xml = await client.get(`requests/${id}.xml`);
    expect(xml.text).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`);

    // Filed as a resident's report, through open311, with no account and the caller as reporter.
    const c = await owner.db
      .selectFrom("case_record")
      .select(["source", "channel", "reporter_user_id", "reporter_name", "reporter_phone_masked", "grid_id"])
      .where("number", "=", id)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({
      source: "resident",
      channel: "open311",
      reporter_user_id: null,
      reporter_name: "张三",
      reporter_phone_masked: "138****8000",
      grid_id: home.grid,
    });
  });

  it("locates a request posted with an address only", async () => {
    const b = await owner.db
      .selectFrom("building")
      .select(["id", "address"])
      .where("grid_id", "=", home.grid)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const posted = await client.post("requests.json", postFields({ lat: "", long: "", address_string: b.address }));
    expect(posted.status).toBe(201);
    const [req] = json<Req[]>(
      await client.get(`requests/${json<{ service_request_id: string }[]>(posted)[0].service_request_id}.json`),
    );
    expect(req.address).toBe(b.address);
  });

  it("returns the first request again for a retried POST with the same Idempotency-Key", async () => {
    const a = json<{ service_request_id: string }[]>(
      await client.post("requests.json", postFields(), { "idempotency-key": "retry-1" }),
    );
    const b = json<{ service_request_id: string }[]>(
      await client.post("requests.json", postFields(), { "idempotency-key": "retry-1" }),
    );
    expect(b[0].service_request_id).toBe(a[0].service_request_id);
  });

  it("answers errors as the spec's [{code, description}] with the HTTP status", async () => {
    const expectError = async (r: { status: number; text: string }, status: number, words: string) => {
      expect(r.status).toBe(status);
      const body = json<{ code: number; description: string }[]>(r);
      expect(body).toEqual([{ code: status, description: expect.stringContaining(words) }]);
    };
    await expectError(await client.post("requests.json", postFields({ api_key: "" })), 400, "api_key");
    await expectError(await client.post("requests.json", postFields({ api_key: "ga311_" + "x".repeat(32) })), 403, "api_key");
    await expectError(await client.post("requests.json", postFields({ service_code: "event.no_such" })), 404, "event.no_such");
    await expectError(await client.post("requests.json", postFields({ service_code: "dispute.family" })), 404, "dispute.family");
    await expectError(await client.post("requests.json", postFields({ lat: "", long: "" })), 400, "lat");
    await expectError(
      await client.post("requests.json", postFields({ lat: "", long: "", address_string: "火星基地1号楼" })),
      400,
      "address_string",
    );
    await expectError(await client.post("requests.json", postFields({ description: "" })), 400, "description");
    await expectError(
      await client.post("requests.json", postFields({ lat: String(elsewhere.lat), long: String(elsewhere.lon) })),
      403,
      "不能在此位置",
    );
    await expectError(await client.post("requests.json", postFields({ lat: "31.23", long: "121.47" })), 400, "不在本区");
    await expectError(await client.post("requests.json", postFields({ jurisdiction_id: "310101" })), 404, "310101");
    // The same unknown jurisdiction is refused alike on every GET.
    for (const path of ["services.json", "requests.json", "services/event.exposed_garbage.json", "requests/SJ1.json"])
      await expectError(await client.get(`${path}?jurisdiction_id=310101`), 404, "310101");
    const district = await sql<{ code: string }>`select code from region where level = 0`.execute(owner.db);
    expect((await client.get(`services.json?jurisdiction_id=${district.rows[0].code}`)).status).toBe(200);
    await expectError(await client.get("requests/SJ20260101NOPE.json"), 404, "SJ20260101NOPE");
    await expectError(await client.get("services/event.no_such.json"), 404, "event.no_such");
    await expectError(await client.get("requests.json?start_date=yesterday"), 400, "start_date");
    await expectError(await client.get("requests.json?status=pending"), 400, "status");
    await expectError(await client.get("nothing.json"), 404, "services");
    const xml = await client.post("requests.xml", postFields({ api_key: "" }));
    expect(xml.status).toBe(400);
    expect(xml.text).toContain("<errors><error><code>400</code><description>");
  });

  it("limits POSTs per key and minute, and refuses a revoked key", async () => {
    await sql`update api_key set window_started_at = now(), window_count = 60 where id = ${keyId}`.execute(owner.db);
    const throttled = await client.post("requests.json", postFields());
    expect(throttled.status).toBe(429);
    // Retry-After: when the key's minute turns (started just now: 59–60 s).
    expect(Number(throttled.retryAfter)).toBeGreaterThanOrEqual(59);
    expect(Number(throttled.retryAfter)).toBeLessThanOrEqual(60);
    await sql`update api_key set window_started_at = now() - interval '2 minutes' where id = ${keyId}`.execute(owner.db);
    expect((await client.post("requests.json", postFields())).status).toBe(201);

    await revokeApiKey({ ctx: admin, input: { id: keyId } });
    expect((await client.post("requests.json", postFields())).status).toBe(403);
    await expect(revokeApiKey({ ctx: admin, input: { id: keyId } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { keys } = await listApiKeys({ ctx: admin });
    expect(keys.find((k) => k.id === keyId)).toMatchObject({ revokedAt: expect.any(String), requestCount: 4 });
  });
});
