import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { GET as getTileRoute } from "./[layer]/[z]/[x]/[y]/route";
import { productConnection } from "../../db/client";
import { openTestDb } from "../../db/testing/test-db";
import { createSignedInAccount } from "../../lib/testing/test-sessions";
import { bumpLayerVersion, forgetLayerVersions } from "../../tiles/layer-version";
import { tileActionOf } from "../../tiles/layers";
import { handleTileRequest } from "../../tiles/node-listener";
import { forgetTileScopes, resolveTileScope } from "../../tiles/resolve-tile-scope";
import { FIXTURE_CASES, loadFixtureCases, type FixtureCaseKey } from "../../tiles/testing/case-fixture";
import { decodeTile } from "../../tiles/testing/decode";
import { loadTileFixture, type TileFixture } from "../../tiles/testing/fixture";
import { closeTileConnection, tileConnection } from "../../tiles/tile-connection";
import { lonLatToTile } from "../../tiles/tile-math";

const conn = openTestDb();
let fx: TileFixture;
let ids: Record<FixtureCaseKey, number>;
let commander = "";
let street = "";
let hrClerk = "";

beforeAll(async () => {
  fx = await loadTileFixture(conn);
  ids = await loadFixtureCases(conn.sql, fx);
  forgetLayerVersions();
  forgetTileScopes();
  commander = (
    await createSignedInAccount(conn.db, "casetiles_commander", [
      { role: "district_commander", regionId: fx.regionIds["110112"] },
    ])
  ).cookie;
  street = (
    await createSignedInAccount(conn.db, "casetiles_street", [{ role: "street_operator", regionId: fx.regionIds["110112002"] }])
  ).cookie;
  hrClerk = (await createSignedInAccount(conn.db, "casetiles_hr", [{ role: "hr_clerk", regionId: fx.regionIds["110112"] }]))
    .cookie;
});
afterAll(async () => {
  await closeTileConnection();
  await productConnection().db.destroy();
  await conn.db.destroy();
});

const a1 = (z: number) => {
  const t = lonLatToTile(FIXTURE_CASES.c1.lon, FIXTURE_CASES.c1.lat, z);
  return `${t.z}/${t.x}/${t.y}`;
};

function get(path: string, as = commander, headers: Record<string, string> = { "accept-encoding": "gzip" }) {
  const [route, query = ""] = path.split("?");
  const [layer, z, x, y] = route.split("/");
  const url = `http://localhost:3000/tiles/${route}${query ? `?${query}` : ""}`;
  return getTileRoute(new Request(url, { headers: { ...headers, cookie: as } }), { params: Promise.resolve({ layer, z, x, y }) });
}

async function body(res: Response) {
  const bytes = Buffer.from(await res.arrayBuffer());
  return res.headers.get("content-encoding") === "gzip" ? gunzipSync(bytes) : bytes;
}

async function caseIds(res: Response) {
  expect(res.status).toBe(200);
  return (decodeTile(await body(res)).case ?? []).map((f) => f.id).sort((a, b) => Number(a) - Number(b));
}

describe("GET /tiles/case/<z>/<x>/<y>?filters", () => {
  it("serves the filtered points of the caller's area", async () => {
    expect(await caseIds(await get(`case/${a1(15)}`))).toEqual([ids.c1, ids.c2, ids.c3].sort((a, b) => a - b));
    expect(await caseIds(await get(`case/${a1(15)}?state=open&light=red`))).toEqual([ids.c1]);
    // the other street's operator: nothing in A1
    expect((await get(`case/${a1(15)}`, street)).status).toBe(204);
  });

  it.each([
    ["state=bogus", "state", /未知的状态 "bogus"/],
    ["colour=red", "colour", /不支持的筛选参数 "colour"/],
    ["from=2026-13-01", "from", /有效日期/],
    ["from=2026-02-30", "from", /有效日期/],
    ["from=2026-05-01&to=2026-04-01", "from", /晚于/],
    ["light=blue", "light", /未知的灯色/],
    ["source=fax", "source", /未知的来源/],
    ["category=abc", "category", /正整数/],
    ["state=open&state=done", "state", /只能出现一次/],
  ])("400 with the tiles' error format for ?%s", async (query, param, message) => {
    const res = await get(`case/${a1(15)}?${query}`);
    expect(res.status).toBe(400);
    const json = JSON.parse((await body(res)).toString("utf8")) as {
      error: { code: string; message: string; details: Record<string, string> };
    };
    expect(json.error.code).toBe("VALIDATION");
    expect(json.error.message).toMatch(/^事件筛选条件无效：/);
    expect(json.error.details[param]).toMatch(message);
  });

  it("the heat layer refuses the filters its bins cannot answer", async () => {
    const res = await get(`case_heat/${a1(14)}?light=red`);
    expect(res.status).toBe(400);
    expect(JSON.parse((await body(res)).toString("utf8")).error.details.light).toMatch(/热力图不按灯色筛选/);
    expect([200, 204]).toContain((await get(`case_heat/${a1(14)}?from=2026-01-01&to=2026-12-31`)).status);
  });

  it("needs case.read: an hr clerk sees the map but gets 403 for cases, a grid tile still works", async () => {
    const res = await get(`case/${a1(15)}`, hrClerk, {});
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("您的角色无权查看事件。");
    expect((await get(`case_heat/${a1(14)}`, hrClerk, {})).status).toBe(403);
    expect((await get(`grid/${a1(15)}`, hrClerk)).status).toBe(200);
    expect(tileActionOf("case")).toBe("case.read");
    await expect(resolveTileScope(new Headers({ cookie: hrClerk }), "case.read")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the filter is part of the ETag and the cache key; spellings of one filter share both", async () => {
    const open = await get(`case/${a1(15)}?state=open`);
    const openSpelt = await get(
      `case/${a1(15)}?state=suspended,reported,filed,dispatched,acknowledged,returned,handled,reported_back,verifying`,
    );
    const red = await get(`case/${a1(15)}?light=red`);
    const none = await get(`case/${a1(15)}`);
    expect(open.headers.get("etag")).toMatch(/^W\/"case-v\d+-s\d+-[0-9a-f]{10}-f[0-9a-f]{10}-15-\d+-\d+"$/);
    expect(openSpelt.headers.get("etag")).toBe(open.headers.get("etag"));
    expect(openSpelt.headers.get("x-tile-cache")).toBe("hit");
    expect(new Set([open, red, none].map((r) => r.headers.get("etag"))).size).toBe(3);
    // the street operator's tile of the same filter is another entry
    expect((await get(`case/${a1(15)}?state=open`, street)).headers.get("etag")).not.toBe(open.headers.get("etag"));
  });

  it("a bump of the `case` layer version (the clock's, each minute with changes) retires cached case tiles", async () => {
    const path = `case/${a1(15)}?state=open`;
    const first = await get(path);
    await caseIds(first);
    await conn.sql`update case_record set light = 'red' where id = ${ids.c2}`;
    forgetLayerVersions();
    const cached = await get(path, commander, { "accept-encoding": "gzip", "if-none-match": first.headers.get("etag")! });
    expect(cached.status).toBe(304);
    await bumpLayerVersion(conn.db, ["case"]);
    const fresh = await get(`${path}&light=red`);
    expect(fresh.headers.get("x-tile-cache")).toBe("miss");
    expect(await caseIds(fresh)).toEqual([ids.c1, ids.c2].sort((a, b) => a - b));
    const again = await get(path, commander, { "accept-encoding": "gzip", "if-none-match": first.headers.get("etag")! });
    expect(again.status).toBe(200);
  });
});

describe("the product's node:http tile listener", () => {
  it("hands the query string to the case layers and resolves the scope per layer", async () => {
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      void handleTileRequest(tileConnection().sql, req, res, async (_req, layer) => {
        asked.push(layer);
        return ["110112"];
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await fetch(`${base}/tiles/case/${a1(15)}?source=grid_worker`);
      expect(ok.status).toBe(200);
      const tile = decodeTile(new Uint8Array(await ok.arrayBuffer()));
      expect(tile.case.map((f) => f.id)).toEqual([ids.c1]);
      const bad = await fetch(`${base}/tiles/case/${a1(15)}?light=blue`);
      expect(bad.status).toBe(400);
      // other layers ignore a query string, as before
      expect((await fetch(`${base}/tiles/grid/${a1(15)}?anything=1`)).status).toBe(200);
      expect(asked).toEqual(["case", "case", "grid"]);
    } finally {
      server.close();
    }
  });
});
