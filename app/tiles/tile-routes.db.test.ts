import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import { GET as getTileRoute } from "./[layer]/[z]/[x]/[y]/route";
import { GET as getTileJsonRoute } from "./[layer]/route";
import { productConnection } from "../../db/client";
import { openTestDb } from "../../db/testing/test-db";
import { createSignedInAccount } from "../../lib/testing/test-sessions";
import { VIA_TRUSTED_PROXY_HEADER } from "../../lib/client-address";
import { bumpLayerVersion, forgetLayerVersions } from "../../tiles/layer-version";
import { forgetTileScopes } from "../../tiles/resolve-tile-scope";
import { closeTileConnection, tileConnection } from "../../tiles/tile-connection";
import { decodeTile } from "../../tiles/testing/decode";
import { FIXTURE_GRIDS, loadTileFixture, type TileFixture } from "../../tiles/testing/fixture";
import { lonLatToTile } from "../../tiles/tile-math";

// Fixtures are written as the owner; the routes read as the application role (productConnection).
const conn = openTestDb();
let fx: TileFixture;
/** The session cookie of a district commander, and of accounts with narrower or no map rights. */
let cookie = "";
let streetCookie = "";
let payrollCookie = "";

beforeAll(async () => {
  fx = await loadTileFixture(conn);
  forgetLayerVersions();
  forgetTileScopes();
  cookie = (
    await createSignedInAccount(conn.db, "tiles_commander", [{ role: "district_commander", regionId: fx.regionIds["110112"] }])
  ).cookie;
  streetCookie = (
    await createSignedInAccount(conn.db, "tiles_street", [{ role: "street_operator", regionId: fx.regionIds["110112002"] }])
  ).cookie;
  payrollCookie = (
    await createSignedInAccount(conn.db, "tiles_payroll", [{ role: "payroll_clerk", regionId: fx.regionIds["110112"] }])
  ).cookie;
});
afterAll(async () => {
  await closeTileConnection();
  await productConnection().db.destroy();
  await conn.db.destroy();
});

const ORIGIN = "http://localhost:3000";

function requestTile(path: string, headers: Record<string, string> = { "accept-encoding": "gzip, deflate, br" }, as = cookie) {
  const [layer, z, x, y] = path.split("/");
  return getTileRoute(new Request(`${ORIGIN}/tiles/${path}`, { headers: { ...headers, cookie: as } }), {
    params: Promise.resolve({ layer, z, x, y }),
  });
}

/** JSON bodies are gzip-compressed too when the client accepts gzip (see tiles/http.ts). */
async function readJson(res: Response) {
  const bytes = Buffer.from(await res.arrayBuffer());
  return JSON.parse((res.headers.get("content-encoding") === "gzip" ? gunzipSync(bytes) : bytes).toString("utf8"));
}

const tileAt14 = (p: { lon: number; lat: number }) => {
  const t = lonLatToTile(p.lon, p.lat, 14);
  return `${t.z}/${t.x}/${t.y}`;
};

const a1z16 = () => {
  const t = lonLatToTile(fx.points.A1.lon, fx.points.A1.lat, 16);
  return `${t.z}/${t.x}/${t.y}`;
};

describe("GET /tiles/<layer>/<z>/<x>/<y>", () => {
  it("returns gzip-compressed MVT with ETag and cache headers", async () => {
    const res = await requestTile(`grid/${a1z16()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.mapbox-vector-tile");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("etag")).toMatch(/^W\/"grid-v\d+-s\d+-[0-9a-f]{10}-16-\d+-\d+"$/);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    const tile = decodeTile(gunzipSync(Buffer.from(await res.arrayBuffer())));
    expect(tile.grid.map((f) => f.id)).toEqual([fx.regionIds[FIXTURE_GRIDS.A1]]);
  });

  it("sends the raw MVT to a client that does not accept gzip", async () => {
    const res = await requestTile(`grid/${a1z16()}`, {});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(decodeTile(new Uint8Array(await res.arrayBuffer())).grid[0].properties.code).toBe(FIXTURE_GRIDS.A1);
  });

  it("accepts a .mvt or .pbf suffix on y", async () => {
    expect((await requestTile(`grid/${a1z16()}.mvt`)).status).toBe(200);
    expect((await requestTile(`grid/${a1z16()}.pbf`)).status).toBe(200);
  });

  it.each([
    ["grid/-1/0/0", /z must be a non-negative integer/],
    ["grid/abc/0/0", /z must be a non-negative integer.*"abc"/],
    ["grid/1.5/0/0", /z must be a non-negative integer/],
    ["grid/23/0/0", /z must be between 0 and 22/],
    ["grid/14/16384/0", /x must be between 0 and 16383 at zoom 14/],
    ["grid/14/0/abc", /y must be a non-negative integer/],
    ["grid/14/0/1.json", /y must be a non-negative integer/],
  ])("400 with a clear JSON message for %s", async (path, message) => {
    const res = await requestTile(path);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const body = (await readJson(res)) as { error: { code: string; message: string; details: { tile: string } } };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.message).toMatch(/^瓦片坐标无效/);
    expect(body.error.details.tile).toMatch(message);
  });

  it("400 as plain JSON for a client that does not accept gzip", async () => {
    const res = await requestTile("grid/-1/0/0", {});
    expect(res.status).toBe(400);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(((await res.json()) as { error: { details: { tile: string } } }).error.details.tile).toMatch(/"-1"/);
  });

  it("404 for an unknown layer", async () => {
    const res = await requestTile("roads/14/0/0");
    expect(res.status).toBe(404);
    expect(((await readJson(res)) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });

  it("304 for a matching If-None-Match, without a body", async () => {
    const first = await requestTile(`grid/${a1z16()}`);
    const etag = first.headers.get("etag")!;
    const again = await requestTile(`grid/${a1z16()}`, { "accept-encoding": "gzip", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const other = await requestTile(`grid/${a1z16()}`, { "accept-encoding": "gzip", "if-none-match": 'W/"something-else"' });
    expect(other.status).toBe(200);
  });

  it("204 for a tile outside the data and for a zoom outside the layer's range", async () => {
    const shanghai = lonLatToTile(121.47, 31.23, 14);
    const outside = await requestTile(`grid/14/${shanghai.x}/${shanghai.y}`);
    expect(outside.status).toBe(204);
    expect(outside.headers.get("etag")).toMatch(new RegExp(`^W/"grid-v\\d+-s\\d+-[0-9a-f]{10}-14-${shanghai.x}-${shanghai.y}"$`));
    const t13 = lonLatToTile(fx.points.A1.lon, fx.points.A1.lat, 13);
    expect((await requestTile(`building/13/${t13.x}/${t13.y}`)).status).toBe(204);
  });

  it("serves from the cache until the layer's version is bumped, then re-renders", async () => {
    const path = `grid/${a1z16()}`;
    await requestTile(path);
    const cached = await requestTile(path);
    expect(cached.headers.get("x-tile-cache")).toBe("hit");
    const oldEtag = cached.headers.get("etag")!;

    await conn.sql`update region set name = '西营网格（改）' where code = ${FIXTURE_GRIDS.A1}`;
    // Without a bump the cached tile is still served: the version is the only invalidation signal.
    forgetLayerVersions();
    expect((await requestTile(path)).headers.get("x-tile-cache")).toBe("hit");

    await bumpLayerVersion(conn.db, ["grid"]);
    const fresh = await requestTile(path, { "accept-encoding": "gzip", "if-none-match": oldEtag });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("x-tile-cache")).toBe("miss");
    expect(fresh.headers.get("etag")).not.toBe(oldEtag);
    const tile = decodeTile(gunzipSync(Buffer.from(await fresh.arrayBuffer())));
    expect(tile.grid[0].properties.name).toBe("西营网格（改）");

    // other layers keep their cache entries and ETags
    const street = lonLatToTile(fx.points.A1.lon, fx.points.A1.lat, 12);
    const s1 = await requestTile(`street/12/${street.x}/${street.y}`);
    await bumpLayerVersion(conn.db, ["grid"]);
    const s2 = await requestTile(`street/12/${street.x}/${street.y}`);
    expect(s2.headers.get("etag")).toBe(s1.headers.get("etag"));
    expect(s2.headers.get("x-tile-cache")).toBe("hit");
  });
});

describe("tiles and the caller's session", () => {
  it("401 without a session or with an unknown one, 403 for a role without the map — never a tile", async () => {
    for (const as of ["", "gridatlas_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]) {
      const res = await requestTile(`grid/${a1z16()}`, {}, as);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    }
    const refused = await requestTile(`grid/${a1z16()}`, {}, payrollCookie);
    expect(refused.status).toBe(403);
    const tileJson = await getTileJsonRoute(new Request("http://localhost/tiles/grid"), {
      params: Promise.resolve({ layer: "grid" }),
    });
    expect(tileJson.status).toBe(401);
  });

  it("a street operator's tiles hold only the street's grids and buildings, under another ETag", async () => {
    const straddling = lonLatToTile(116.65, fx.points.A2.lat, 14);
    const path = `grid/14/${straddling.x}/${straddling.y}`;
    const all = decodeTile(gunzipSync(Buffer.from(await (await requestTile(path)).arrayBuffer())));
    const streetRes = await requestTile(path, { "accept-encoding": "gzip" }, streetCookie);
    const street = decodeTile(gunzipSync(Buffer.from(await streetRes.arrayBuffer())));
    expect(all.grid.map((f) => f.properties.code).sort()).toEqual([FIXTURE_GRIDS.A2, FIXTURE_GRIDS.B1]);
    expect(street.grid.map((f) => f.properties.code)).toEqual([FIXTURE_GRIDS.B1]);
    expect(streetRes.headers.get("etag")).not.toBe((await requestTile(path)).headers.get("etag"));
    const a2 = tileAt14(fx.points.A2);
    expect((await requestTile(`building/${a2}`, {}, streetCookie)).status).toBe(204);
    expect((await requestTile(`building/${a2}`)).status).toBe(200);
  });
});

describe("the tile pool", () => {
  it("runs tile queries without parallel workers or JIT", async () => {
    const [row] = await tileConnection().sql<{ workers: string; jit: string }[]>`
      select current_setting('max_parallel_workers_per_gather') as workers, current_setting('jit') as jit`;
    expect(row).toEqual({ workers: "0", jit: "off" });
  });
});

describe("GET /tiles/<layer> (TileJSON)", () => {
  const tileJson = (headers: Record<string, string>) =>
    getTileJsonRoute(new Request("http://127.0.0.1:3000/tiles/grid", { headers: { ...headers, cookie } }), {
      params: Promise.resolve({ layer: "grid" }),
    });
  const forwarded = { "x-forwarded-host": "atlas.example.org", "x-forwarded-proto": "https" };

  it("takes the forwarded host only from a trusted proxy (the web server marks those requests)", async () => {
    const direct = await (await tileJson(forwarded)).json();
    expect(direct.tiles).toEqual(["http://127.0.0.1:3000/tiles/grid/{z}/{x}/{y}"]);
    const proxied = await (await tileJson({ ...forwarded, [VIA_TRUSTED_PROXY_HEADER]: "1" })).json();
    expect(proxied.tiles).toEqual(["https://atlas.example.org/tiles/grid/{z}/{x}/{y}"]);
  });

  it("describes the layer with tile URLs on the request's origin and the district's bounds", async () => {
    const res = await tileJson({ ...forwarded, [VIA_TRUSTED_PROXY_HEADER]: "1" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.tilejson).toBe("3.0.0");
    expect(body.tiles).toEqual(["https://atlas.example.org/tiles/grid/{z}/{x}/{y}"]);
    expect(body.minzoom).toBe(13);
    expect(body.maxzoom).toBe(22);
    expect(body.bounds).toEqual([116.6, 39.76, 116.7, 39.84]);
    expect(body.center[0]).toBeCloseTo(116.65, 6);
    expect(body.vector_layers.map((l: { id: string }) => l.id)).toEqual(["grid", "grid_label"]);
    expect(body.vector_layers[0].fields).toMatchObject({
      code: "String",
      name: "String",
      households: "Number",
      residents: "Number",
    });
  });

  it("uses the Host header when no proxy header is present, and 404s an unknown layer", async () => {
    const res = await getTileJsonRoute(
      new Request("http://localhost:3199/tiles/building", { headers: { host: "localhost:3199", cookie } }),
      {
        params: Promise.resolve({ layer: "building" }),
      },
    );
    expect((await res.json()).tiles).toEqual(["http://localhost:3199/tiles/building/{z}/{x}/{y}"]);
    const missing = await getTileJsonRoute(new Request("http://localhost/tiles/nope", { headers: { cookie } }), {
      params: Promise.resolve({ layer: "nope" }),
    });
    expect(missing.status).toBe(404);
  });
});
