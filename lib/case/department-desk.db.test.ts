import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { caseActor, categoryId, populatedGridChains, unitId, type GridChain } from "../testing/case-actors";
import { withSeededDistrict } from "../testing/seeded-district";
import { listCaseNotices } from "./case-notices";
import { getCase } from "./get-case";
import { listInbox } from "./list-inbox";
import { fixtureBytes, jpegBase64, pngBase64, webpSimpleBase64 } from "./photos/testing/photo-fixtures";
import { uploadCasePhoto } from "./photos/upload-case-photo";
import { reportCase } from "./report-case";
import { transitionCase } from "./transition-case";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

let actors: Record<"worker" | "community" | "street" | "department" | "colleague" | "commander", RequestContext>;
let a: GridChain;
let cg: number;

beforeAll(async () => {
  [a] = await populatedGridChains(owner);
  actors = {
    worker: await caseActor(owner, app, "desk_worker", "grid_worker", a.grid),
    community: await caseActor(owner, app, "desk_community", "community_head", a.community),
    street: await caseActor(owner, app, "desk_street", "street_operator", a.street),
    department: await caseActor(owner, app, "desk_department", "department_handler", a.district, ["dept.cg"]),
    colleague: await caseActor(owner, app, "desk_colleague", "department_handler", a.district, ["dept.cg"]),
    commander: await caseActor(owner, app, "desk_commander", "district_commander", a.district),
  };
  cg = await unitId(owner, "dept.cg");
});

async function step(ctx: RequestContext, caseId: number, action: string, input: Record<string, unknown> = {}) {
  const current = await getCase({ ctx: actors.commander, caseId });
  return transitionCase({ ctx, input: { caseId, action, expectedVersion: current.version, requestId: randomUUID(), ...input } });
}

const photo = async (ctx: RequestContext, base64: string) =>
  (await uploadCasePhoto({ ctx, input: { bytes: fixtureBytes(base64) } })).id;

const noticeCases = async (ctx: RequestContext) => (await listCaseNotices({ ctx })).notices.map((n) => n.caseId);

/** A dispute reported with a photo, filed by the community and dispatched by the street to 城管 by hand. */
async function dispatchedCase() {
  const reportPhoto = await photo(actors.worker, jpegBase64);
  const { caseId } = await reportCase({
    ctx: actors.worker,
    input: {
      clientRequestId: randomUUID(),
      categoryId: await categoryId(owner, "dispute.property"),
      description: "小区门口堆放建筑垃圾",
      lon: a.lon,
      lat: a.lat,
      photoIds: [reportPhoto],
      // a dispute is filed only with its LEC assessment: 一般 (D = 1)
      risk: { l: 1, e: 1, c: 1 },
    },
  });
  await step(actors.community, caseId, "file");
  await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
  return { caseId, reportPhoto };
}

describe("the department's desk on a real loop", () => {
  it("clears the unit's notices about a case once one of its handlers acts, and the office's once it dispatches", async () => {
    const { caseId } = await dispatchedCase();
    // the street was told of the escalation, and dealt with it by dispatching: its notice is read
    expect(await noticeCases(actors.street)).not.toContain(caseId);
    // the dispatch notice reaches every handler of the unit
    expect(await noticeCases(actors.department)).toContain(caseId);
    expect(await noticeCases(actors.colleague)).toContain(caseId);
    const before = await listInbox({ ctx: actors.department, input: {} });
    expect(before.cases.map((c) => c.id)).toContain(caseId);

    await step(actors.colleague, caseId, "acknowledge");
    // one handler acted for the unit: the unit's notice is read for all of its handlers
    expect(await noticeCases(actors.department)).not.toContain(caseId);
    expect(await noticeCases(actors.colleague)).not.toContain(caseId);
    const notices = await owner.db
      .selectFrom("case_notice")
      .select(["kind", "unit_id", "read_by"])
      .where("case_id", "=", caseId)
      .orderBy("id")
      .execute();
    expect(notices).toEqual([
      // the 一般 risk's info note to the community, read when the community filed the case
      { kind: "risk_info", unit_id: null, read_by: actors.community.actor.userId },
      { kind: "escalated", unit_id: null, read_by: actors.street.actor.userId },
      { kind: "assigned", unit_id: cg, read_by: actors.colleague.actor.userId },
    ]);
    const after = await listInbox({ ctx: actors.department, input: { tab: "in_progress" } });
    expect(after.cases.map((c) => c.id)).toContain(caseId);
  });

  it("tags photos by the step that attached them: 上报, 处置前 at 处置, 处置后 at 反馈", async () => {
    const { caseId, reportPhoto } = await dispatchedCase();
    await step(actors.department, caseId, "acknowledge");
    const handlePhoto = await photo(actors.department, pngBase64);
    await step(actors.department, caseId, "handle", { photoIds: [handlePhoto] });
    const toReport = await listInbox({ ctx: actors.department, input: { tab: "to_report" } });
    expect(toReport.cases.map((c) => c.id)).toContain(caseId);
    const backPhoto = await photo(actors.department, webpSimpleBase64);
    await step(actors.department, caseId, "report_back", { note: "已清运完毕", photoIds: [backPhoto] });
    const c = await step(actors.community, caseId, "start_verification");
    expect(c.state).toBe("verifying");
    expect(c.photos).toEqual([
      { id: reportPhoto, stage: "report" },
      { id: handlePhoto, stage: "handle" },
      { id: backPhoto, stage: "report_back" },
    ]);
    expect(c.photoIds).toEqual([reportPhoto, handlePhoto, backPhoto]);
    // reported back: the case has left every tab of the unit's desk
    for (const tab of ["pending", "in_progress", "to_report", "sent_back", "overdue"])
      expect((await listInbox({ ctx: actors.department, input: { tab } })).cases.map((x) => x.id)).not.toContain(caseId);
  });
});
