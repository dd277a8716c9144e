import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { NextRequest } from "next/server";
import { productConnection, type Connection } from "../../../../db/client";
import { deleteAllCases, insertTestCases, twoCommunities } from "../../../../lib/testing/case-list-fixtures";
import { withSeededDistrict } from "../../../../lib/testing/seeded-district";
import { createSignedInAccount } from "../../../../lib/testing/test-sessions";
import { GET as open311RequestGet } from "../../../open311/v2/requests/[file]/route";
import { GET as caseGet } from "./route";
import { POST as revealPost } from "./reveal/route";

/*
 * Personal data in free text over HTTP, as a browser or an Open311 client gets it: the case detail's JSON,
 * the reveal route (reason, logged) and the public Open311 answer.
 */

let owner: Connection;
withSeededDistrict((c) => {
  owner = c;
});
afterAll(async () => {
  await productConnection().db.destroy();
});

const ORIGIN = "http://gridatlas.test";
const ID = "11010519491231002X";
const MOBILE = "+86 138-1234-5678";
const NAME = "司马光明";
let caseId: number;
let caseNumber: string;
let analyst: string;
let street: string;

beforeAll(async () => {
  const area = await twoCommunities(owner.db);
  await deleteAllCases(owner.db);
  [caseId] = await insertTestCases(owner.db, [
    {
      gridId: area.own.grid,
      reportedAt: new Date(Date.now() - 86_400_000),
      source: "resident",
      description: `市民${ID}来电${MOBILE}反映噪音`,
      reporterName: NAME,
    },
  ]);
  caseNumber = (await sql<{ number: string }>`select number from case_record where id = ${caseId}`.execute(owner.db)).rows[0]
    .number;
  const district = (await sql<{ id: number }>`select id from region where level = 0`.execute(owner.db)).rows[0].id;
  analyst = (await createSignedInAccount(owner.db, "pii_route_analyst", [{ role: "analyst", regionId: district }])).cookie;
  street = (await createSignedInAccount(owner.db, "pii_route_street", [{ role: "street_operator", regionId: area.street.id }]))
    .cookie;
});

const params = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });
const get = (path: string, cookie: string) => new NextRequest(`${ORIGIN}${path}`, { headers: { cookie } });
const post = (path: string, cookie: string, body: unknown) =>
  new NextRequest(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function revealRows(): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pii_access_log where field = 'case_text' and case_id = ${caseId}`.execute(owner.db);
  return rows[0].n;
}

describe("GET /api/cases/<id>", () => {
  it("answers an analyst with the numbers and the reporter's name masked", async () => {
    const response = await caseGet(get(`/api/cases/${caseId}`, analyst), params(caseId));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(ID);
    expect(text).not.toContain("138-1234");
    expect(text).not.toContain(NAME);
    const body = JSON.parse(text) as { description: string; reporterName: string };
    expect(body.description).toBe("市民110105********002X来电+86 138****5678反映噪音");
    expect(body.reporterName).toBe("司马**");
  });
});

describe("POST /api/cases/<id>/reveal", () => {
  it("gives the clear text to the street office with a reason and logs it; refuses the analyst with 403", async () => {
    const before = await revealRows();
    const refused = await revealPost(post(`/api/cases/${caseId}/reveal`, analyst, { reason: "统计需要核对" }), params(caseId));
    expect(refused.status).toBe(403);
    expect(await revealRows()).toBe(before);

    const noReason = await revealPost(post(`/api/cases/${caseId}/reveal`, street, {}), params(caseId));
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { error: { message: string } }).error.message).toBe("请填写查看理由。");

    const response = await revealPost(post(`/api/cases/${caseId}/reveal`, street, { reason: "回访核实来电人" }), params(caseId));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await response.json()) as { description: string; reporterName: string };
    expect(body.description).toBe(`市民${ID}来电${MOBILE}反映噪音`);
    expect(body.reporterName).toBe(NAME);
    expect(await revealRows()).toBe(before + 1);
  });
});

describe("GET /open311/v2/requests/<id>.json", () => {
  it("answers the public with the description masked and no reporter", async () => {
    const response = await open311RequestGet(new Request(`${ORIGIN}/open311/v2/requests/${caseNumber}.json`), {
      params: Promise.resolve({ file: `${caseNumber}.json` }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(ID);
    expect(text).not.toContain(NAME);
    expect((JSON.parse(text) as { description: string }[])[0].description).toBe(
      "市民110105********002X来电+86 138****5678反映噪音",
    );
  });
});
