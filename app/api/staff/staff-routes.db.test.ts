import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { productConnection, type Connection } from "../../../db/client";
import { CLIENT_ADDRESS_HEADER } from "../../../lib/client-address";
import { createOrgFixture, type OrgFixture } from "../../../lib/testing/org-fixtures";
import { withSeededDistrict } from "../../../lib/testing/seeded-district";
import { createSignedInAccount } from "../../../lib/testing/test-sessions";
import { bodyLimitFor } from "../../../tiles/web-handler";
import * as staffRoute from "./route";
import * as detailRoute from "./[id]/route";
import * as revealRoute from "./[id]/reveal/route";
import * as photoRoute from "./[id]/photo/route";
import * as exportRoute from "./export/route";
import * as importRoute from "./import/route";
import * as postsRoute from "./grid-posts/route";
import * as postRoute from "./grid-posts/[id]/route";
import * as gapsRoute from "./grid-gaps/route";
import * as departmentsRoute from "./departments/route";
import * as departmentRoute from "./departments/[id]/route";
import * as closeRoute from "./departments/[id]/close/route";

/*
 * The staff routes as the odd-inputs probe sends them (app/_tests/odd-inputs.db.test.ts), signed in as HR of the
 * district, HR of one community and a community head: odd ids are 400, ids of people outside the area 404 (never
 * 403, which would tell they exist), a stray % or NUL never crashes, a stale edit is 409 in Chinese.
 */

let owner: Connection;
withSeededDistrict((c) => {
  owner = c;
});
afterAll(async () => {
  await productConnection().db.destroy();
});

const ORIGIN = "http://localhost:3000";
let fx: OrgFixture;
let hr: string;
let hrA: string;
let headA: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function req(method: string, url: string, cookie: string | null, json?: unknown, form?: FormData): Request {
  const headers: Record<string, string> = { origin: ORIGIN, host: "localhost:3000", [CLIENT_ADDRESS_HEADER]: "192.0.2.98" };
  if (cookie) headers.cookie = cookie;
  if (json !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(new URL(url, ORIGIN), {
    method,
    headers,
    body: method === "GET" ? undefined : (form ?? (json === undefined ? undefined : JSON.stringify(json))),
  });
}

async function call(handler: unknown, request: Request, params: Record<string, string> = {}) {
  const response = await (handler as Handler)(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as { error?: { message: string; code: string } } };
}

beforeAll(async () => {
  fx = await createOrgFixture(owner);
  const tag = fx.prefix.toLowerCase();
  hr = (await createSignedInAccount(owner.db, `hr_${tag}`, [{ role: "hr_clerk", regionId: fx.regions.district }])).cookie;
  hrA = (await createSignedInAccount(owner.db, `hra_${tag}`, [{ role: "hr_clerk", regionId: fx.regions.communityA }])).cookie;
  headA = (await createSignedInAccount(owner.db, `heada_${tag}`, [{ role: "community_head", regionId: fx.regions.communityA }]))
    .cookie;
});

const ODD_IDS = ["1e3", "0x10", " 12", "12abc", "-1", "0", "1.5", "%", "\u0000", "2147483648", "99999999999999999999"];

describe("staff routes never answer 500", () => {
  it("odd ids in every path are 400 (or 404), for every caller", async () => {
    const withId: [unknown, string, unknown?][] = [
      [detailRoute.GET, "GET"],
      [detailRoute.PATCH, "PATCH", { version: 1, name: "x" }],
      [revealRoute.POST, "POST", { field: "phone", reason: "核对联系方式" }],
      [photoRoute.GET, "GET"],
      [postRoute.PATCH, "PATCH", { validTo: "2026-12-31" }],
      [departmentRoute.PATCH, "PATCH", { name: "x" }],
      [closeRoute.POST, "POST", { validTo: "2026-12-31" }],
    ];
    const failed: string[] = [];
    for (const [handler, method, body] of withId)
      for (const id of ODD_IDS)
        for (const cookie of [hr, headA, null]) {
          const r = await call(handler, req(method, `/api/staff/${encodeURIComponent(id)}`, cookie, body), { id });
          if (r.status >= 500 || (cookie && ![400, 403, 404].includes(r.status)))
            failed.push(`${r.status} ${method} ${JSON.stringify(id)}`);
        }
    expect(failed).toEqual([]);
  });

  it("odd values in the list's and export's parameters are 400 or ignored, % is a character", async () => {
    const failed: string[] = [];
    for (const key of ["department", "position", "rank", "gridRole", "status", "q", "after", "regionId"])
      for (const value of ["\u0000", "%", "1e3", "99999999999999999999", "-1", "a\u0000b", "_"])
        for (const handler of [staffRoute.GET, exportRoute.GET, gapsRoute.GET]) {
          const r = await call(handler, req("GET", `/api/staff?${new URLSearchParams({ [key]: value })}`, hr));
          if (r.status >= 500) failed.push(`${r.status} ${key}=${JSON.stringify(value)}`);
        }
    expect(failed).toEqual([]);
    const percent = await call(
      staffRoute.GET,
      req("GET", `/api/staff?q=${encodeURIComponent("%")}&department=${fx.departments.district}`, hr),
    );
    expect(percent.status).toBe(200);
    expect((JSON.parse(percent.text) as { staff: { id: number }[] }).staff.map((s) => s.id)).toEqual([fx.staff.workerA]);
  });

  it("odd JSON bodies on every write are 400", async () => {
    const writes: [unknown, Record<string, string>][] = [
      [staffRoute.POST, {}],
      [detailRoute.PATCH, { id: String(fx.staff.workerA) }],
      [revealRoute.POST, { id: String(fx.staff.workerA) }],
      [postsRoute.POST, {}],
      [departmentsRoute.POST, {}],
    ];
    const bodies = [
      null,
      [],
      "x",
      { id: "\u0000", version: 99999999999999, name: "a\u0000b" },
      { staffId: 2 ** 40, regionId: "1e3", validFrom: "2026-02-30" },
    ];
    const failed: string[] = [];
    for (const [handler, params] of writes)
      for (const body of bodies) {
        const r = await call(handler, req("POST", "/api/staff/x", hr, body), params);
        if (r.status !== 400) failed.push(`${r.status} ${JSON.stringify(body)} ${r.text.slice(0, 80)}`);
      }
    expect(failed).toEqual([]);
  });
});

describe("staff routes keep to the caller's area", () => {
  it("a person outside the area is 404, the same as an unknown id, for reads, reveals and edits", async () => {
    for (const [handler, method, body] of [
      [detailRoute.GET, "GET", undefined],
      [revealRoute.POST, "POST", { field: "phone", reason: "核对联系方式" }],
      [detailRoute.PATCH, "PATCH", { version: 1, name: "猜" }],
      [photoRoute.GET, "GET", undefined],
    ] as const) {
      const outside = await call(handler, req(method, "/api/staff/x", hrA, body), { id: String(fx.staff.workerB) });
      const unknown = await call(handler, req(method, "/api/staff/x", hrA, body), { id: "999999999" });
      expect([outside.status, unknown.status], `${method}`).toEqual([404, 404]);
      expect(outside.text).toBe(unknown.text);
    }
  });

  it("a stale edit is 409 with the Chinese message", async () => {
    const { rows } = await sql<{ version: number }>`select version from staff where id = ${fx.staff.workerA}`.execute(owner.db);
    const v = rows[0].version;
    const ok = await call(detailRoute.PATCH, req("PATCH", "/api/staff/x", hr, { version: v, name: "网格员丙新" }), {
      id: String(fx.staff.workerA),
    });
    expect(ok.status).toBe(200);
    const stale = await call(detailRoute.PATCH, req("PATCH", "/api/staff/x", hr, { version: v, name: "旧的" }), {
      id: String(fx.staff.workerA),
    });
    expect(stale.status).toBe(409);
    expect(stale.json().error?.message).toBe("该人员档案已被他人修改，请刷新页面后重新编辑。");
  });

  it("a second 专职网格员 is 409 with the Chinese message", async () => {
    const grid = fx.regions.gridsA[1];
    await sql`delete from grid_post where region_id = ${grid}`.execute(owner.db);
    const first = await call(
      postsRoute.POST,
      req("POST", "/api/staff/grid-posts", hr, {
        staffId: fx.staff.workerA,
        regionId: grid,
        gridRole: "full_time",
        validFrom: "2026-01-01",
      }),
    );
    expect(first.status).toBe(201);
    const second = await call(
      postsRoute.POST,
      req("POST", "/api/staff/grid-posts", hr, {
        staffId: fx.staff.workerB,
        regionId: grid,
        gridRole: "full_time",
        validFrom: "2026-06-01",
      }),
    );
    expect(second.status).toBe(409);
    expect(second.json().error?.message).toContain("一个基础网格同一时间只能有一名专职网格员");
  });
});

describe("uploads", () => {
  it("the web handler caps photo and import bodies at their own limits, other staff routes at 1 MB", () => {
    expect(bodyLimitFor("/api/staff/12/photo")).toBe(bodyLimitFor("/api/case-photos"));
    expect(bodyLimitFor("/api/staff/import")).toBe(bodyLimitFor("/api/hotline/imports"));
    expect(bodyLimitFor("/api/staff/12")).toBe(1024 * 1024);
  });

  it("a photo that is not an image is refused in Chinese; an import that is no spreadsheet too", async () => {
    const form = new FormData();
    form.append("file", new Blob(["<svg onload=alert(1)>"], { type: "image/png" }), "x.png");
    const photo = await call(photoRoute.POST, req("POST", "/api/staff/x/photo", hr, undefined, form), {
      id: String(fx.staff.workerA),
    });
    expect(photo.status).toBe(400);
    expect(photo.json().error?.message).toMatch(/[\u4e00-\u9fff]/);
    const file = new FormData();
    file.append("file", new Blob(["\u0000\u0001garbage"]), "staff.pdf");
    const imported = await call(importRoute.POST, req("POST", "/api/staff/import", hr, undefined, file));
    expect(imported.status).toBe(400);
    expect(imported.json().error?.message).toBe("无法读取该文件：请上传 .xlsx 或 UTF-8/GBK 编码的 CSV 文件。");
  });
});
