import { describe, expect, it } from "vitest";
import {
  draftProblems,
  emptyDraft,
  isDraftEmpty,
  parseCoordinates,
  parseStoredDraft,
  reportPayload,
  riskValue,
  type ReportDraft,
} from "./report-draft";
import { fitWithin } from "./resize-image";
import { sendReport } from "./send-report";

const ID = "6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f";
const isBlob = (v: unknown): v is Blob => v instanceof Blob;

function filled(): ReportDraft {
  return {
    ...emptyDraft(ID, new Date("2026-11-25T02:00:00Z")),
    categoryId: 31,
    description: "  3号楼东侧井盖缺失  ",
    address: "",
    position: { lon: 116.656789123456, lat: 39.909876543219, source: "gps", accuracy: 12 },
    photos: [
      { localId: "a", blob: new Blob(["a"]), width: 1600, height: 1200, uploadedId: null },
      { localId: "b", blob: new Blob(["b"]), width: 1200, height: 1600, uploadedId: null },
    ],
  };
}

describe("the draft", () => {
  it("is empty until the user does something (a GPS fix alone is not work to keep)", () => {
    const d = emptyDraft(ID);
    expect(isDraftEmpty(d)).toBe(true);
    expect(isDraftEmpty({ ...d, position: { lon: 116.6, lat: 39.9, source: "gps", accuracy: 5 } })).toBe(true);
    expect(isDraftEmpty({ ...d, position: { lon: 116.6, lat: 39.9, source: "map", accuracy: null } })).toBe(false);
    expect(isDraftEmpty({ ...d, description: "有" })).toBe(false);
  });

  it("names each missing field in Chinese; the LEC risk is all or nothing, and only for risk-assessed categories", () => {
    expect(draftProblems(emptyDraft(ID), null)).toEqual({
      category: "请选择事件类别。",
      description: "请填写事件描述（至少 2 个字）。",
      location: "请先确定事发位置。",
    });
    const d = { ...filled(), risk: { l: 3, e: null, c: null } };
    expect(draftProblems(d, { riskAssessed: true })).toEqual({ risk: "请把 L、E、C 三项都选上，或全部留空。" });
    expect(draftProblems(d, { riskAssessed: false })).toEqual({});
    expect(riskValue({ l: 3, e: 6, c: 15 })).toBe(270);
    expect(riskValue({ l: 0.5, e: 0.5, c: 1 })).toBe(0.25);
    expect(riskValue({ l: null, e: null, c: null })).toBeNull();
  });

  it("becomes the report body: trimmed text, phone channel, the draft's request id, rounded coordinates, risk only when assessed", () => {
    const d = { ...filled(), urgency: "urgent" as const, risk: { l: 3, e: 6, c: 15 } };
    expect(reportPayload(d, [7, 8], { riskAssessed: true })).toEqual({
      clientRequestId: ID,
      channel: "phone",
      categoryId: 31,
      description: "3号楼东侧井盖缺失",
      address: null,
      urgency: "urgent",
      lon: 116.6567891,
      lat: 39.9098765,
      photoIds: [7, 8],
      risk: { l: 3, e: 6, c: 15 },
    });
    expect(reportPayload(d, [], { riskAssessed: false })).toMatchObject({ risk: null, photoIds: [] });
    expect(reportPayload({ ...d, urgency: "" }, [], null).urgency).toBeNull();
  });

  it("survives storage: a stored draft reads back equal; malformed fields and photos are dropped, not trusted", () => {
    const d = { ...filled(), risk: { l: 3, e: 6, c: 15 }, sendWhenOnline: true };
    const stored = structuredClone(d);
    expect(parseStoredDraft(stored, isBlob)).toEqual(d);
    expect(parseStoredDraft({ ...d, version: 2 }, isBlob)).toBeNull();
    expect(parseStoredDraft({ ...d, clientRequestId: "x" }, isBlob)).toBeNull();
    expect(parseStoredDraft("garbage", isBlob)).toBeNull();
    const messy = parseStoredDraft(
      {
        ...d,
        categoryId: -1,
        urgency: "asap",
        risk: { l: 4, e: 6, c: 15 },
        position: { lon: 0, lat: 0, source: "gps" },
        photos: [
          { localId: "a", blob: "not a blob", width: 1, height: 1 },
          d.photos[1],
          ...Array.from({ length: 12 }, () => d.photos[0]),
        ],
      },
      isBlob,
    )!;
    expect(messy.categoryId).toBeNull();
    expect(messy.urgency).toBe("");
    expect(messy.risk).toEqual({ l: null, e: 6, c: 15 });
    expect(messy.position).toBeNull();
    expect(messy.photos).toHaveLength(9);
    expect(messy.photos[0].localId).toBe("b");
    expect(messy.clientRequestId).toBe(ID);
  });

  it("parses typed coordinates inside China only", () => {
    expect(parseCoordinates(" 116.65 ", "39.90")).toEqual({ lon: 116.65, lat: 39.9 });
    expect(parseCoordinates("39.90", "116.65")).toBeNull();
    expect(parseCoordinates("", "39.9")).toBeNull();
    expect(parseCoordinates("abc", "39.9")).toBeNull();
  });
});

describe("fitWithin (photo resizing)", () => {
  it("scales the longest side down to 1600 px, keeps the aspect ratio, never enlarges", () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(8000, 10)).toEqual({ width: 1600, height: 2 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(() => fitWithin(0, 10)).toThrow();
  });
});

/** A fake server: answers by path, counts calls, can drop the network for the next n calls. */
function fakeServer() {
  const calls: { path: string; body: unknown }[] = [];
  let dropNext = 0;
  let dropAfterHandling = 0;
  const reports = new Map<string, { caseId: number; number: string }>();
  let photoId = 100;
  const fetch = async (path: string, init?: RequestInit) => {
    if (dropNext > 0) {
      dropNext -= 1;
      throw new TypeError("Failed to fetch");
    }
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : init?.body;
    calls.push({ path, body });
    let response: Response;
    if (path === "/api/case-photos") response = Response.json({ id: ++photoId }, { status: 201 });
    else {
      const key = (body as { clientRequestId: string }).clientRequestId;
      const earlier = reports.get(key);
      if (!earlier) reports.set(key, { caseId: reports.size + 1, number: `SJ20261125000000${reports.size + 1}` });
      response = Response.json(
        { ...reports.get(key), replayed: Boolean(earlier), duplicates: [] },
        { status: earlier ? 200 : 201 },
      );
    }
    // the server did the work, but the answer never arrives
    if (dropAfterHandling > 0) {
      dropAfterHandling -= 1;
      throw new TypeError("network changed");
    }
    return response;
  };
  return {
    fetch,
    calls,
    reports,
    drop: (n: number) => void (dropNext = n),
    loseAnswers: (n: number) => void (dropAfterHandling = n),
  };
}

describe("sendReport: a retried draft makes one case", () => {
  const keep = (d: ReportDraft) => (localId: string, id: number) => {
    d.photos = d.photos.map((p) => (p.localId === localId ? { ...p, uploadedId: id } : p));
  };

  it("offline: does not even try", async () => {
    const server = fakeServer();
    const d = filled();
    expect(await sendReport(d, null, { fetch: server.fetch, online: false, onPhotoUploaded: keep(d) })).toEqual({
      kind: "offline",
    });
    expect(server.calls).toEqual([]);
  });

  it("the network drops after the first photo: the retry uploads only the second photo, then reports once", async () => {
    const server = fakeServer();
    const d = filled();
    const deps = { fetch: server.fetch, online: true, onPhotoUploaded: keep(d) };
    const realFetch = server.fetch;
    let n = 0;
    deps.fetch = async (path, init) => {
      n += 1;
      if (n === 2) throw new TypeError("Failed to fetch");
      return realFetch(path, init);
    };
    expect(await sendReport(d, null, deps)).toEqual({ kind: "offline" });
    expect(d.photos.map((p) => p.uploadedId)).toEqual([101, null]);
    deps.fetch = realFetch;
    const sent = await sendReport(d, null, deps);
    expect(sent).toMatchObject({ kind: "sent", caseId: 1, replayed: false });
    expect(server.calls.map((c) => c.path)).toEqual(["/api/case-photos", "/api/case-photos", "/api/cases"]);
    expect(server.calls[2].body).toMatchObject({ clientRequestId: ID, photoIds: [101, 102] });
  });

  it("the report's answer is lost: the retry names the same request and gets the same case back", async () => {
    const server = fakeServer();
    const d = { ...filled(), photos: [] };
    const deps = { fetch: server.fetch, online: true, onPhotoUploaded: keep(d) };
    server.loseAnswers(1);
    expect(await sendReport(d, null, deps)).toEqual({ kind: "offline" });
    expect(await sendReport(d, null, deps)).toMatchObject({ kind: "sent", caseId: 1, replayed: true });
    expect(server.reports.size).toBe(1);
  });

  it("a refusal keeps the message and the fields; an expired session says so; a server failure asks to retry", async () => {
    const d = { ...filled(), photos: [] };
    const answer = (status: number, body: unknown) => async () => Response.json(body, { status });
    const noop = () => {};
    expect(
      await sendReport(d, null, {
        fetch: answer(400, {
          error: { code: "VALIDATION", message: "事发位置不在本区范围内，请在地图上重新选择位置。", details: { location: "…" } },
        }),
        online: true,
        onPhotoUploaded: noop,
      }),
    ).toEqual({
      kind: "refused",
      message: "事发位置不在本区范围内，请在地图上重新选择位置。",
      fields: { location: "…" },
      signedOut: false,
    });
    expect(
      await sendReport(d, null, {
        fetch: answer(401, { error: { message: "请先登录。" } }),
        online: true,
        onPhotoUploaded: noop,
      }),
    ).toMatchObject({ kind: "refused", signedOut: true });
    expect(await sendReport(d, null, { fetch: answer(503, {}), online: true, onPhotoUploaded: noop })).toMatchObject({
      kind: "failed",
    });
  });
});
