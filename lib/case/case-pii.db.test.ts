import ExcelJS from "exceljs";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { listAuditLog } from "../audit/list-audit-log";
import type { RequestContext } from "../context";
import { isDomainError } from "../errors";
import { exportReplies } from "../hotline/export-replies";
import { listQueue } from "../hotline/queue";
import { searchPlaces } from "../search/search-places";
import { getServiceRequest, listServiceRequests } from "../open311/requests";
import { caseActor } from "../testing/case-actors";
import { deleteAllCases, insertTestCases, twoCommunities, type TwoCommunities } from "../testing/case-list-fixtures";
import { withSeededDistrict } from "../testing/seeded-district";
import { exportCases, type FileDownload } from "./export-cases";
import { getCase } from "./get-case";
import { listCases } from "./list-cases";
import { listInbox } from "./list-inbox";
import { listMyTasks } from "./list-my-tasks";
import { revealCaseText } from "./reveal-case-text";

/*
 * Personal data typed into free text (issue 10, hardening): every place that shows a case's description,
 * address, timeline notes or a 12345 order's content shows identity numbers and phones masked and an outside
 * reporter's name masked for roles without the reveal right; the clear text only through a logged reveal.
 */

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

const ID = "11010519491231002X";
const ID_MASKED = "110105********002X";
const MOBILE = "13812345678";
const MOBILE_MASKED = "138****5678";
const NOTE_ID = "330106199003071234";
const NOTE_MOBILE = "13912345678";
const LANDLINE = "0571-87654321";
const NAME = "欧阳娜娜";
const PLAN_MOBILE = "13712345678";
const CLEAR = [ID, MOBILE, NOTE_ID, NOTE_MOBILE, LANDLINE, "87654321", NAME, PLAN_MOBILE];

let area: TwoCommunities;
let caseId: number;
let caseNumber: string;
let analyst: RequestContext;
let department: RequestContext;
let street: RequestContext;
let otherCommunity: RequestContext;

/** The test fails when any clear value shows up anywhere in what a place answers. */
function expectNoClearValue(shown: unknown) {
  const text = typeof shown === "string" ? shown : JSON.stringify(shown);
  for (const clear of CLEAR) expect(text).not.toContain(clear);
}

async function bytesOf(file: FileDownload): Promise<Buffer> {
  return Buffer.from(await new Response(file.body).arrayBuffer());
}

async function caseTextReveals(): Promise<{ username: string; reason: string; case_id: number; region_id: number }[]> {
  const { rows } = await sql<{ username: string; reason: string; case_id: number; region_id: number }>`
    select username, reason, case_id, region_id from pii_access_log where kind = 'reveal' and field = 'case_text' order by id`.execute(
    owner.db,
  );
  return rows;
}

beforeAll(async () => {
  area = await twoCommunities(owner.db);
  await deleteAllCases(owner.db);
  const recent = new Date(Date.now() - 2 * 86_400_000);
  [caseId] = await insertTestCases(owner.db, [
    {
      gridId: area.own.grid,
      number: "SJ202612039990001",
      reportedAt: recent,
      source: "resident",
      description: `住户反映楼道堆物，身份证${ID}，电话${MOBILE}`,
      address: `悟仙观路12号（座机${LANDLINE}）`,
      reporterName: NAME,
      reporterPhoneMasked: MOBILE_MASKED,
      leadUnit: "dept.cg",
      state: "dispatched",
      level: "street",
      deadlineAt: new Date(Date.now() + 5 * 86_400_000),
    },
  ]);
  const { rows } = await sql<{ number: string }>`select number from case_record where id = ${caseId}`.execute(owner.db);
  caseNumber = rows[0].number;
  await sql`update case_record set emergency_plan = ${`疏散住户，联系人${PLAN_MOBILE}`} where id = ${caseId}`.execute(owner.db);
  await sql`
    insert into case_event (case_id, at, actor_name, action, from_state, to_state, note)
    values (${caseId}, now() - interval '1 day', '测试网格员', 'report', null, 'reported', ${`联系人身份证${NOTE_ID}`}),
           (${caseId}, now() - interval '1 hour', '测试城管', 'report_back', 'handled', 'reported_back', ${`已电话${NOTE_MOBILE}回复`})`.execute(
    owner.db,
  );
  // 12345: one order waiting in the locating queue, one placed on the case (its reply is the report-back note).
  const fields = (content: string, address: string) =>
    JSON.stringify({ orderNo: "", kind: "complaint", content, address, reporterName: NAME, reporterPhoneHash: null });
  await sql`
    insert into hotline_order (order_no, status, fields, content_hash, received_at, region_path, case_id)
    values ('PII-Q-1', 'needs_location', ${fields(`来电人身份证${ID}，回电${MOBILE}`, `座机${LANDLINE}`)}::text::jsonb, '\\x00', now() - interval '1 day', ${area.own.gridPath}::ltree, null),
           ('PII-C-1', 'imported', ${fields("已建案", "悟仙观路")}::text::jsonb, '\\x01', now() - interval '2 days', ${area.own.gridPath}::ltree, ${caseId})`.execute(
    owner.db,
  );
  const { rows: ids } = await sql<{ district: number }>`select id as district from region where level = 0`.execute(owner.db);
  analyst = await caseActor(owner, app, "pii_analyst", "analyst", ids[0].district);
  department = await caseActor(owner, app, "pii_dept", "department_handler", ids[0].district, ["dept.cg"]);
  street = await caseActor(owner, app, "pii_street", "street_operator", area.street.id);
  otherCommunity = await caseActor(owner, app, "pii_other", "community_head", area.other.community);
});

describe("case detail", () => {
  it("an analyst and a department see the numbers masked, the reporter as 欧阳**, and no reveal", async () => {
    for (const ctx of [analyst, department]) {
      const c = await getCase({ ctx, caseId });
      expectNoClearValue(c);
      expect(c.description).toBe(`住户反映楼道堆物，身份证${ID_MASKED}，电话${MOBILE_MASKED}`);
      expect(c.address).toBe("悟仙观路12号（座机0571-******21）");
      expect(c.reporterName).toBe("欧阳**");
      expect(c.emergencyPlan).toBe("疏散住户，联系人137****5678");
      expect(c.personalText).toEqual({ textMasked: true, mayReveal: false });
    }
  });

  it("a role with the reveal right sees it masked too, the reporter's name in clear, and may reveal; viewing logs nothing", async () => {
    const before = await caseTextReveals();
    const c = await getCase({ ctx: street, caseId });
    expect(c.description).toBe(`住户反映楼道堆物，身份证${ID_MASKED}，电话${MOBILE_MASKED}`);
    expect(c.reporterName).toBe(NAME);
    expect(c.personalText).toEqual({ textMasked: true, mayReveal: true });
    expect(await caseTextReveals()).toEqual(before);
  });
});

describe("timeline notes", () => {
  it("are masked in the detail's events for every role", async () => {
    for (const ctx of [analyst, department, street]) {
      const notes = (await getCase({ ctx, caseId })).events.map((e) => e.note);
      expect(notes).toEqual(["联系人身份证330106********1234", "已电话139****5678回复"]);
    }
  });
});

describe("reveal (查看原文)", () => {
  it("shows the clear text to the reveal right in the case's area and writes one log row with the reason", async () => {
    const before = (await caseTextReveals()).length;
    const clear = await revealCaseText({ ctx: street, input: { id: caseId, reason: "联系反映人核实情况" } });
    expect(clear).toEqual({
      description: `住户反映楼道堆物，身份证${ID}，电话${MOBILE}`,
      address: `悟仙观路12号（座机${LANDLINE}）`,
      reporterName: NAME,
      emergencyPlan: `疏散住户，联系人${PLAN_MOBILE}`,
      notes: [
        { eventId: expect.any(Number), note: `联系人身份证${NOTE_ID}` },
        { eventId: expect.any(Number), note: `已电话${NOTE_MOBILE}回复` },
      ],
    });
    const rows = await caseTextReveals();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toEqual({
      username: "pii_street",
      reason: "联系反映人核实情况",
      case_id: caseId,
      region_id: area.own.grid,
    });
  });

  it("refuses roles without the right (403), a case outside the area (404) and a missing reason, logging nothing", async () => {
    const before = (await caseTextReveals()).length;
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => "OK",
        (e: unknown) => (isDomainError(e) ? e.code : String(e)),
      );
    expect(await codeOf(revealCaseText({ ctx: analyst, input: { id: caseId, reason: "统计分析需要" } }))).toBe("FORBIDDEN");
    expect(await codeOf(revealCaseText({ ctx: department, input: { id: caseId, reason: "联系反映人" } }))).toBe("FORBIDDEN");
    expect(await codeOf(revealCaseText({ ctx: otherCommunity, input: { id: caseId, reason: "联系反映人" } }))).toBe("NOT_FOUND");
    expect(await codeOf(revealCaseText({ ctx: street, input: { id: caseId, reason: "看" } }))).toBe("VALIDATION");
    expect(await caseTextReveals()).toHaveLength(before);
  });
});

describe("case list and my tasks", () => {
  it("the list shows the masked description and address", async () => {
    const page = await listCases({ ctx: analyst, input: {} });
    const row = page.cases.find((c) => c.id === caseId)!;
    expect(row.description).toBe(`住户反映楼道堆物，身份证${ID_MASKED}，电话${MOBILE_MASKED}`);
    expectNoClearValue(page);
  });

  it("a department's task list shows it masked", async () => {
    const tasks = await listMyTasks({ ctx: department });
    expect(tasks.sections.flatMap((s) => s.items).map((i) => i.id)).toContain(caseId);
    expectNoClearValue(tasks);
  });
});

describe("department inbox", () => {
  it("shows the dispatched case with its text masked", async () => {
    const inbox = await listInbox({ ctx: department, input: {} });
    expect(JSON.stringify(inbox)).toContain(caseNumber);
    expect(JSON.stringify(inbox)).toContain(ID_MASKED);
    expectNoClearValue(inbox);
  });
});

describe("case export", () => {
  it("CSV masks identity numbers as well as phones", async () => {
    const text = (await bytesOf(await exportCases({ ctx: analyst, input: { format: "csv" } }))).toString("utf8");
    expect(text).toContain(`身份证${ID_MASKED}，电话${MOBILE_MASKED}`);
    expectNoClearValue(text);
  });

  it("xlsx masks them", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await bytesOf(await exportCases({ ctx: analyst, input: { format: "xlsx" } }))) as unknown as ArrayBuffer,
    );
    const values = JSON.stringify(workbook.getWorksheet("案件")!.getSheetValues());
    expect(values).toContain(ID_MASKED);
    expectNoClearValue(values);
  });
});

describe("12345 hotline", () => {
  it("the locating queue shows the order's content and address masked", async () => {
    const page = await listQueue({ ctx: street, input: {} });
    const item = page.items.find((i) => i.orderNo === "PII-Q-1")!;
    expect(item.content).toBe(`来电人身份证${ID_MASKED}，回电${MOBILE_MASKED}`);
    expect(item.address).toBe("座机0571-******21");
    expectNoClearValue(page);
  });

  it("the replies export masks the numbers in the reply", async () => {
    const file = await exportReplies({ ctx: street, input: { format: "csv" } });
    const text = typeof file.body === "string" ? file.body : Buffer.from(file.body).toString("utf8");
    expect(text).toContain("已电话139****5678回复");
    expectNoClearValue(text);
  });
});

describe("search", () => {
  it("a case found by its number shows its address masked", async () => {
    const hits = await searchPlaces({ ctx: analyst, input: { q: caseNumber } });
    const hit = hits.find((h) => h.kind === "case")!;
    expect(hit.id).toBe(caseId);
    expect(hit.detail).toContain("悟仙观路12号（座机0571-******21）");
    expectNoClearValue(hits);
  });
});

describe("audit page", () => {
  it("shows a 12345 update's audited text and caller masked, also in rows written before the rule", async () => {
    const text = JSON.stringify({ description: `来电人身份证${ID}，电话${MOBILE}`, reporterName: NAME });
    await sql`
      insert into audit_log (actor_name, action, entity, entity_id, before, after)
      values ('12345', 'case.import_update', 'case', ${String(caseId)}, ${text}::text::jsonb, ${text}::text::jsonb)`.execute(
      owner.db,
    );
    const admin = await caseActor(owner, app, "pii_admin", "system_admin", area.street.id);
    const page = await listAuditLog({ ctx: admin, input: { action: "case.import_update" } });
    expect(page.entries[0].after).toEqual({
      description: `来电人身份证${ID_MASKED}，电话${MOBILE_MASKED}`,
      reporterName: "欧阳**",
    });
    expectNoClearValue(page);
  });
});

describe("Open311 GET", () => {
  it("a service request's description and address come masked", async () => {
    const [one] = await getServiceRequest(app.db, caseNumber);
    expect(one.description).toBe(`住户反映楼道堆物，身份证${ID_MASKED}，电话${MOBILE_MASKED}`);
    expect(one.address).toBe("悟仙观路12号（座机0571-******21）");
    expectNoClearValue(one);
    expectNoClearValue(await listServiceRequests(app.db, new URLSearchParams()));
  });
});
