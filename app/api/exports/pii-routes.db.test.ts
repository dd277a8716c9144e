import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { NextRequest } from "next/server";
import { productConnection, type Connection } from "../../../db/client";
import type { Role } from "../../../lib/auth/roles";
import { FULL_ID_PATTERN, MASKED_ID_PATTERN } from "../../../lib/pii/mask";
import { withSeededDistrict } from "../../../lib/testing/seeded-district";
import { createSignedInAccount } from "../../../lib/testing/test-sessions";
import { POST as revealRoute } from "../residents/[id]/reveal/route";
import { GET as regionsRoute } from "./regions/route";
import { GET as residentsRoute } from "./residents/route";

let owner: Connection;
withSeededDistrict((c) => {
  owner = c;
});
afterAll(async () => {
  await productConnection().db.destroy();
});

const ORIGIN = "http://gridatlas.test";
const RUN = Date.now().toString(36).slice(-6);

type Target = { residentId: number; gridId: number; communityId: number; districtId: number; otherCommunityId: number };
let target: Target;

beforeAll(async () => {
  const { rows } = await sql<Target>`
    select p.id as "residentId", g.id as "gridId", c.id as "communityId",
           (select id from region where level = 0 limit 1) as "districtId",
           (select id from region o where o.level = 2 and o.id <> c.id order by o.code limit 1) as "otherCommunityId"
      from resident p join region g on g.id = p.grid_id join region c on c.path = subpath(g.path, 0, 3)
     where not p.key_person and p.phone_cipher is not null order by p.id limit 1`.execute(owner.db);
  target = rows[0];
});

async function cookieFor(role: Role, regionId: number) {
  const account = await createSignedInAccount(owner.db, `route_${RUN}_${role}`.slice(0, 32), [{ role, regionId }]);
  return account.cookie;
}

function get(path: string, cookie: string | null, headers: Record<string, string> = {}) {
  return new NextRequest(`${ORIGIN}${path}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
}

function post(path: string, cookie: string | null, body: string, origin = ORIGIN) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body,
    headers: { ...(cookie ? { cookie } : {}), "content-type": "application/json", origin, host: new URL(ORIGIN).host },
  });
}

const revealParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

describe("GET /api/exports/residents", () => {
  it("sends a masked CSV attachment with a UTF-8 BOM, a Chinese file name and no caching", async () => {
    const cookie = await cookieFor("community_head", target.communityId);
    const response = await residentsRoute(
      get(`/api/exports/residents?region=${target.communityId}`, cookie, { "sec-fetch-site": "same-origin" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="residents-[0-9]+-[0-9]{8}\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^居民名单-.+-[0-9]{8}\.csv$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("\r\n");
    expect(FULL_ID_PATTERN.test(text)).toBe(false);
    expect(text.split("\r\n")[1].split(",")[4]).toMatch(MASKED_ID_PATTERN);
    expect(Number(response.headers.get("x-row-count"))).toBe(text.trimEnd().split("\r\n").length - 1);
  });

  it("answers refusals as JSON with their status, never a file", async () => {
    const head = await cookieFor("community_head", target.communityId);
    const analyst = await cookieFor("analyst", target.districtId);
    const cases: [NextRequest, number, string][] = [
      [get(`/api/exports/residents?region=${target.communityId}`, null), 401, "UNAUTHENTICATED"],
      [get(`/api/exports/residents?region=${target.communityId}`, analyst), 403, "FORBIDDEN"],
      [get(`/api/exports/residents?region=${target.communityId}&unmasked=1&reason=社会救助审核`, head), 403, "FORBIDDEN"],
      [get(`/api/exports/residents?region=${target.otherCommunityId}`, head), 404, "NOT_FOUND"],
      [get(`/api/exports/residents`, head), 400, "VALIDATION"],
      [get(`/api/exports/residents?region=${target.communityId}`, head, { "sec-fetch-site": "cross-site" }), 403, "FORBIDDEN"],
    ];
    for (const [request, status, code] of cases) {
      const response = await residentsRoute(request);
      expect(response.status, request.url).toBe(status);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });
});

describe("GET /api/exports/regions", () => {
  it("gives analysts the statistics CSV and refuses roles without region.export", async () => {
    const analyst = await cookieFor("analyst", target.districtId);
    const ok = await regionsRoute(get(`/api/exports/regions?region=${target.communityId}`, analyst));
    expect(ok.status).toBe(200);
    expect(decodeURIComponent(ok.headers.get("content-disposition")!.split("UTF-8''")[1])).toMatch(/^区域统计-/);
    // Response.text() would drop the byte-order mark: decode the bytes without stripping it.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await ok.arrayBuffer());
    expect(text.split("\r\n")[0]).toBe("\uFEFF编码,名称,层级,户数,人口,流动人口,出租屋,特殊群体,重点人员,楼栋");
    const handler = await cookieFor("department_handler", target.districtId);
    expect((await regionsRoute(get(`/api/exports/regions?region=${target.communityId}`, handler))).status).toBe(403);
  });
});

describe("POST /api/residents/[id]/reveal", () => {
  it("reveals with a reason, refuses bad bodies, cross-site posts and missing sessions", async () => {
    const worker = await cookieFor("grid_worker", target.gridId);
    const path = `/api/residents/${target.residentId}/reveal`;
    const ok = await revealRoute(
      post(path, worker, JSON.stringify({ field: "phone", reason: "入户走访核实" })),
      revealParams(target.residentId),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(((await ok.json()) as { value: string }).value).toMatch(/^1[0-9]{10}$/);

    const noReason = await revealRoute(post(path, worker, JSON.stringify({ field: "phone" })), revealParams(target.residentId));
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { error: { message: string } }).error.message).toBe("请填写查看理由。");
    expect((await revealRoute(post(path, worker, "not json"), revealParams(target.residentId))).status).toBe(400);
    expect(
      (
        await revealRoute(
          post(path, worker, JSON.stringify({ field: "phone", reason: "入户走访核实" }), "http://evil.example"),
          revealParams(target.residentId),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await revealRoute(
          post(path, null, JSON.stringify({ field: "phone", reason: "入户走访核实" })),
          revealParams(target.residentId),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await revealRoute(post(`/api/residents/abc/reveal`, worker, JSON.stringify({ field: "phone", reason: "入户走访核实" })), {
          params: Promise.resolve({ id: "abc" }),
        })
      ).status,
    ).toBe(400);
  });
});
