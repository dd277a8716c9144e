import ExcelJS from "exceljs";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { caseActor, populatedGridChains, type GridChain } from "../testing/case-actors";
import { withSeededDistrict } from "../testing/seeded-district";
import { exportReplies } from "./export-replies";
import { ordersCsv, ordersXlsx, type FixtureRow } from "./fixtures/order-files";
import { getBatchReport } from "./get-batch";
import { loadPlaceIndex } from "./place-index";
import { listQueue, locateQueuedOrder } from "./queue";
import { runImportBatch } from "./run-import-batch";
import { uploadOrderFile } from "./upload-order-file";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

let street: RequestContext;
let commander: RequestContext;
let home: GridChain;
let elsewhere: GridChain;
/** A building of the operator's street, its address rewritten the way a caller would say it. */
let building: { id: number; address: string; spoken: string; lon: number; lat: number; gridId: number };
let streetName: string;

beforeAll(async () => {
  const chains = await populatedGridChains(owner);
  home = chains[0];
  elsewhere = chains.find((c) => c.street !== home.street)!;
  street = await caseActor(owner, app, "hotline_street", "street_operator", home.street);
  commander = await caseActor(owner, app, "hotline_commander", "district_commander", home.district);
  streetName = (await owner.db.selectFrom("region").select("name").where("id", "=", home.street).executeTakeFirstOrThrow()).name;

  // A building of the street whose rewritten address finds exactly it (a name used in two streets would be ambiguous).
  const { index } = await loadPlaceIndex(owner.db);
  const { rows } = await sql<{ id: number; address: string; grid_id: number; lon: number; lat: number }>`
    select b.id, b.address, b.grid_id, st_x(st_pointonsurface(b.geom)) as lon, st_y(st_pointonsurface(b.geom)) as lat
      from building b join region g on g.id = b.grid_id
     where g.path <@ (select path from region where id = ${home.street}) and b.address like '%号楼'
     order by b.id`.execute(owner.db);
  for (const b of rows) {
    // "通州区永顺镇西马庄小区3号楼" → "北京市通州区西马庄小区３栋２单元５０１室": no street, full-width digits, 栋, unit and room.
    const m = /^(.*?)(\d+)号楼$/.exec(b.address.replace(streetName, ""))!;
    const spoken = `北京市${m[1]}${toFullWidth(m[2])}栋２单元５０１室`;
    const hit = index.match(spoken);
    if (hit.kind === "exact" && hit.candidate.id === b.id) {
      building = { id: b.id, address: b.address, spoken, lon: b.lon, lat: b.lat, gridId: b.grid_id };
      break;
    }
  }
  // found: its spoken address matches exactly this building
  expect(index.match(building?.spoken ?? "")).toMatchObject({ kind: "exact", candidate: { id: building?.id } });
});

function toFullWidth(digits: string) {
  return digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

/** Uploads a file as the caller and runs the worker's part at once (the job handler, on the app's connection). */
async function importFile(ctx: RequestContext, name: string, bytes: Uint8Array) {
  const { batchId } = await uploadOrderFile({ ctx, input: { fileName: name, bytes } });
  await runImportBatch(app.db, batchId);
  return getBatchReport({ ctx, input: { batchId } });
}

async function counts() {
  const { rows } = await sql<{ cases: number; events: number; orders: number }>`
    select (select count(*)::int from case_record) as cases, (select count(*)::int from case_event) as events, (select count(*)::int from hotline_order) as orders`.execute(
    owner.db,
  );
  return rows[0];
}

const received = "2026-11-20 09:30";

function fileRows(): FixtureRow[] {
  return [
    {
      orderNo: "T-GOOD-1",
      receivedAt: received,
      kind: "投诉",
      content: "小区门口垃圾三天无人清运",
      lon: home.lon,
      lat: home.lat,
      reporterName: "王女士",
      reporterPhone: "13800138000",
      urgency: "一般",
    },
    { orderNo: "T-ADDR-2", receivedAt: received, kind: "咨询", content: "咨询楼道灯维修", address: building.spoken },
    { orderNo: "T-GOOD-1", receivedAt: received, kind: "投诉", content: "同一工单又派了一次", lon: home.lon, lat: home.lat },
    {
      orderNo: "T-BADTIME-4",
      receivedAt: "2026-02-30 10:00",
      kind: "投诉",
      content: "时间写错的工单",
      lon: home.lon,
      lat: home.lat,
    },
    { orderNo: "T-NOCONTENT-5", receivedAt: received, kind: "投诉", content: "", lon: home.lon, lat: home.lat },
    { orderNo: "T-TYPE-6", receivedAt: received, kind: "表扬", content: "表扬网格员", lon: home.lon, lat: home.lat },
    { orderNo: "T-SHANGHAI-7", receivedAt: received, kind: "举报", content: "外区的事件", lon: 121.47, lat: 31.23 },
    {
      orderNo: "T-NOWHERE-8",
      receivedAt: received,
      kind: "建议",
      content: "建议在小区里加装健身器材",
      address: `${streetName}不存在花园88号楼`,
    },
    {
      orderNo: "T-OTHERSTREET-9",
      receivedAt: received,
      kind: "投诉",
      content: "别的街道的工单",
      lon: elsewhere.lon,
      lat: elsewhere.lat,
    },
    {
      orderNo: "T-CATEGORY-10",
      receivedAt: received,
      kind: "投诉",
      category: "暴露垃圾",
      content: "路边暴露垃圾",
      lon: home.lon,
      lat: home.lat,
    },
  ];
}

describe("12345 import", () => {
  let firstRun: Awaited<ReturnType<typeof importFile>>;

  beforeAll(async () => {
    await sql`truncate case_record restart identity cascade`.execute(owner.db);
    firstRun = await importFile(street, "工单.csv", ordersCsv(fileRows()));
  });

  it("imports good rows and reports every other row with its reason", () => {
    expect(firstRun.batch).toMatchObject({
      status: "done",
      totalRows: 10,
      processedRows: 10,
      counts: { created: 3, updated: 0, unchanged: 0, queued: 1, rejected: 6 },
    });
    const byRow = Object.fromEntries(firstRun.rows.map((r) => [r.rowNumber, [r.outcome, r.reasonCode]]));
    expect(byRow).toEqual({
      2: ["created", "coordinates"],
      3: ["created", "address_exact"],
      4: ["rejected", "duplicate_in_file"],
      5: ["rejected", "invalid_time"],
      6: ["rejected", "missing_field"],
      7: ["rejected", "unknown_kind"],
      8: ["rejected", "outside_district"],
      9: ["queued", "no_match"],
      10: ["rejected", "outside_area"],
      11: ["created", "coordinates"],
    });
    const messages = Object.fromEntries(firstRun.rows.map((r) => [r.rowNumber, r.message]));
    expect(messages[4]).toBe("与本文件第 2 行的工单编号重复，本行未导入");
    expect(messages[6]).toBe("缺少必填项：诉求内容");
    expect(messages[8]).toBe("事发位置不在本区范围内");
    expect(messages[10]).toContain("不在您的辖区内");
    expect(messages[3]).toBe(`按地址匹配到「${building.address}」建案`);
  });

  it("files the cases as hotline cases with the order number, 受理时间 and the caller (no account as reporter)", async () => {
    const rows = await owner.db
      .selectFrom("case_record as c")
      .innerJoin("case_category as cat", "cat.id", "c.category_id")
      .select([
        "c.external_system",
        "c.external_id",
        "c.source",
        "c.channel",
        "c.reported_at",
        "c.reporter_user_id",
        "c.reporter_name",
        "c.reporter_phone_masked",
        "cat.code",
        "c.grid_id",
      ])
      .orderBy("c.id")
      .execute();
    expect(rows.map((r) => [r.external_id, r.code])).toEqual([
      ["T-GOOD-1", "hotline.complaint"],
      ["T-ADDR-2", "hotline.consultation"],
      ["T-CATEGORY-10", "event.exposed_garbage"],
    ]);
    expect(rows[0]).toMatchObject({
      external_system: "12345",
      source: "hotline",
      channel: "import",
      reporter_user_id: null,
      reporter_name: "王女士",
      reporter_phone_masked: "138****8000",
    });
    expect(new Date(rows[0].reported_at).toISOString()).toBe("2026-11-20T01:30:00.000Z");
    // The address-matched case stands on the building (its point on surface), in its grid.
    expect(rows[1].grid_id).toBe(building.gridId);
    const { rows: pts } = await sql<{
      lon: number;
      lat: number;
    }>`select st_x(geom) as lon, st_y(geom) as lat from case_record where external_id = 'T-ADDR-2'`.execute(owner.db);
    expect(pts[0].lon).toBeCloseTo(building.lon, 9);
    expect(pts[0].lat).toBeCloseTo(building.lat, 9);
    // The caller's phone is not in the ledger's fields, only its keyed hash.
    const ledger = await owner.db
      .selectFrom("hotline_order")
      .select(["fields"])
      .where("order_no", "=", "T-GOOD-1")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(ledger.fields)).not.toContain("13800138000");
    // The batch's rows (with the phone) are dropped once processed.
    const batch = await owner.db
      .selectFrom("hotline_batch")
      .select("rows_cipher")
      .where("id", "=", firstRun.batch.id)
      .executeTakeFirstOrThrow();
    expect(batch.rows_cipher).toBeNull();
  });

  it("re-importing the same file changes nothing: no new cases, no new timeline rows", async () => {
    const before = await counts();
    const again = await importFile(street, "工单.csv", ordersCsv(fileRows()));
    expect(again.batch.counts).toEqual({ created: 0, updated: 0, unchanged: 4, queued: 0, rejected: 6 });
    expect(await counts()).toEqual(before);
  });

  it("re-importing with one edited row updates exactly that case, once", async () => {
    const rows = fileRows();
    rows[1] = { ...rows[1], content: "咨询楼道灯维修（来电人补充：三楼也不亮）", urgency: "特急" };
    const before = await owner.db
      .selectFrom("case_record")
      .select(["id", "external_id", "description", "version", "urgency", "deadline_at"])
      .orderBy("id")
      .execute();
    const eventsBefore = (await counts()).events;
    const edited = await importFile(street, "工单-更正.xlsx", await ordersXlsx(rows));
    expect(edited.batch.counts).toEqual({ created: 0, updated: 1, unchanged: 3, queued: 0, rejected: 6 });
    expect(edited.rows.find((r) => r.orderNo === "T-ADDR-2")).toMatchObject({
      outcome: "updated",
      message: "已更新：诉求内容、紧急程度",
    });

    const after = await owner.db
      .selectFrom("case_record")
      .select(["id", "external_id", "description", "version", "urgency", "deadline_at"])
      .orderBy("id")
      .execute();
    for (const [i, b] of before.entries()) {
      if (b.external_id === "T-ADDR-2") {
        expect(after[i]).toMatchObject({
          description: "咨询楼道灯维修（来电人补充：三楼也不亮）",
          urgency: "emergency",
          version: b.version + 1,
        });
        // 特急 has a shorter accept limit than 一般 (10 minutes, not 30 working minutes): the running stage is re-timed from its start.
        expect(new Date(after[i].deadline_at!).getTime()).toBeLessThan(new Date(b.deadline_at!).getTime());
      } else {
        expect(after[i]).toEqual(b);
      }
    }
    expect((await counts()).events).toBe(eventsBefore + 1);
    const event = await owner.db
      .selectFrom("case_event")
      .select(["action", "note", "details"])
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "import_update", details: { orderNo: "T-ADDR-2", fields: ["content", "urgency"] } });
    const audit = await owner.db
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("action", "=", "case.import_update")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe(String(before.find((b) => b.external_id === "T-ADDR-2")!.id));

    // The same edited file once more: nothing changes any more.
    const eventsNow = (await counts()).events;
    const twice = await importFile(street, "工单-更正.xlsx", await ordersXlsx(rows));
    expect(twice.batch.counts).toMatchObject({ updated: 0, unchanged: 4 });
    expect((await counts()).events).toBe(eventsNow);
  });

  it("a moved point or another kind is kept in the ledger but not applied to a case already in hand", async () => {
    const before = await sql<{
      wkt: string;
      category_id: number;
    }>`select st_astext(geom) as wkt, category_id from case_record where external_id = 'T-GOOD-1'`.execute(owner.db);
    const rows = fileRows();
    rows[0] = { ...rows[0], kind: "举报", lon: home.lon + 0.0005 };
    const run = await importFile(street, "工单-改位置.csv", ordersCsv(rows));
    expect(run.rows.find((r) => r.orderNo === "T-GOOD-1")).toMatchObject({
      outcome: "updated",
      message: "已记录热线的更改（诉求类型、经纬度的变更未应用：案件已在办理中，请在案件中处理）",
    });
    const after = await sql<{
      wkt: string;
      category_id: number;
    }>`select st_astext(geom) as wkt, category_id from case_record where external_id = 'T-GOOD-1'`.execute(owner.db);
    expect(after.rows).toEqual(before.rows);
  });

  it("the queue: the unlocatable order waits for the operator's street and becomes a case where it is placed", async () => {
    const queue = await listQueue({ ctx: street, input: {} });
    expect(queue.total).toBe(1);
    const item = queue.items[0];
    expect(item).toMatchObject({ orderNo: "T-NOWHERE-8", kind: "建议", content: "建议在小区里加装健身器材" });
    expect(JSON.stringify(item)).not.toContain("138");

    // Outside the operator's street: refused, the order stays.
    await expect(
      locateQueuedOrder({
        ctx: street,
        input: { orderId: item.id, version: item.version, lon: elsewhere.lon, lat: elsewhere.lat },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "所选位置不在您的辖区内" });
    const placed = await locateQueuedOrder({
      ctx: street,
      input: { orderId: item.id, version: item.version, lon: home.lon, lat: home.lat },
    });
    expect(placed.number).toMatch(/^SJ/);
    // A second click with the old version (another operator, a double click) creates nothing.
    await expect(
      locateQueuedOrder({ ctx: street, input: { orderId: item.id, version: item.version, lon: home.lon, lat: home.lat } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await listQueue({ ctx: street, input: {} })).total).toBe(0);
    const c = await owner.db
      .selectFrom("case_record")
      .select(["external_id", "grid_id", "reporter_user_id", "source"])
      .where("id", "=", placed.caseId)
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ external_id: "T-NOWHERE-8", grid_id: home.grid, reporter_user_id: null, source: "hotline" });

    // Re-importing the file now finds the order as imported and unchanged.
    const again = await importFile(street, "工单.csv", ordersCsv(fileRows()));
    expect(again.rows.find((r) => r.orderNo === "T-NOWHERE-8")).toMatchObject({ outcome: "unchanged", caseId: placed.caseId });
  });

  it("the district commander imports the row of another street that the operator could not", async () => {
    const run = await importFile(commander, "其他街道.csv", ordersCsv([fileRows()[8]]));
    expect(run.batch.counts).toMatchObject({ created: 1 });
    // And the street operator neither sees that batch nor may re-import the order.
    await expect(getBatchReport({ ctx: street, input: { batchId: run.batch.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const retry = await importFile(street, "其他街道.csv", ordersCsv([fileRows()[8]]));
    expect(retry.rows[0]).toMatchObject({ outcome: "rejected", reasonCode: "outside_area" });
  });

  it("exports replies with the imported order numbers, the handling note, finish time and satisfaction", async () => {
    // Close one case by hand (the loop has its own tests): a report back with a note, then closed and rated.
    const target = await owner.db
      .selectFrom("case_record")
      .select(["id"])
      .where("external_id", "=", "T-GOOD-1")
      .executeTakeFirstOrThrow();
    await sql`
      insert into case_event (case_id, actor_name, action, from_state, to_state, note) values (${target.id}, '测试', 'report_back', 'handled', 'reported_back', '已协调物业清运垃圾')`.execute(
      owner.db,
    );
    await sql`update case_record set state = 'evaluated', closed_at = '2026-11-22T02:00:00Z', satisfaction = 'satisfied' where id = ${target.id}`.execute(
      owner.db,
    );

    const file = await exportReplies({ ctx: street, input: { from: "2026-11-01", to: "2026-11-30", format: "csv" } });
    const lines = (file.body as string)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("工单编号,受理时间,诉求类型,办理状态,承办单位,办理结果,办结时间,满意度,案件编号");
    const orderNos = lines
      .slice(1)
      .map((l) => l.split(",")[0])
      .sort();
    // Exactly the orders of the operator's street (T-OTHERSTREET-9 belongs to the commander's import elsewhere).
    expect(orderNos).toEqual(["T-ADDR-2", "T-CATEGORY-10", "T-GOOD-1", "T-NOWHERE-8"]);
    const good = lines.find((l) => l.startsWith("T-GOOD-1,"))!.split(",");
    expect(good.slice(1, 4)).toEqual(["2026-11-20 09:30", "投诉", "已评价"]);
    expect(good.slice(5, 8)).toEqual(["已协调物业清运垃圾", "2026-11-22 10:00", "满意"]);

    const xlsx = await exportReplies({
      ctx: commander,
      input: { from: "2026-11-01", to: "2026-11-30", format: "xlsx", onlyFinished: "1" },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe("T-GOOD-1");
  });

  it("a batch is processed once when two workers run it at the same time, and taken over when its worker died", async () => {
    const rows = fileRows().map((r) => ({ ...r, orderNo: `L-${r.orderNo}` }));
    const { batchId } = await uploadOrderFile({ ctx: street, input: { fileName: "并发.csv", bytes: ordersCsv(rows) } });
    await Promise.all([runImportBatch(app.db, batchId), runImportBatch(app.db, batchId)]);
    const report = await getBatchReport({ ctx: street, input: { batchId } });
    expect(report.batch).toMatchObject({
      status: "done",
      processedRows: 10,
      counts: { created: 3, updated: 0, unchanged: 0, queued: 1, rejected: 6 },
    });
    expect(report.rows).toHaveLength(10);

    // A batch held by a live worker is left alone; once the lease lapses, another worker resumes it.
    const held = await uploadOrderFile({
      ctx: street,
      input: { fileName: "接管.csv", bytes: ordersCsv(rows.map((r) => ({ ...r, orderNo: `B${r.orderNo}` }))) },
    });
    await sql`update hotline_batch set status = 'running', lease_token = gen_random_uuid(), lease_until = now() + interval '1 minute' where id = ${held.batchId}`.execute(
      owner.db,
    );
    await runImportBatch(app.db, held.batchId);
    expect((await getBatchReport({ ctx: street, input: { batchId: held.batchId } })).batch).toMatchObject({
      status: "running",
      processedRows: 0,
    });
    await sql`update hotline_batch set lease_until = now() - interval '1 second' where id = ${held.batchId}`.execute(owner.db);
    await runImportBatch(app.db, held.batchId);
    expect((await getBatchReport({ ctx: street, input: { batchId: held.batchId } })).batch).toMatchObject({
      status: "done",
      processedRows: 10,
      counts: { created: 3, queued: 1, rejected: 6 },
    });
  });

  it("refuses roles without case.import", async () => {
    const worker = await caseActor(owner, app, "hotline_worker", "grid_worker", home.grid);
    await expect(
      uploadOrderFile({ ctx: worker, input: { fileName: "a.csv", bytes: ordersCsv(fileRows()) } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listQueue({ ctx: worker, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
