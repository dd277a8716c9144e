import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { productConnection, type Connection } from "../../../db/client";
import type { Role } from "../../../lib/auth/roles";
import { makePng } from "../../../lib/case/photos/testing/make-png";
import {
  fixtureBytes,
  jpegBase64,
  pngBase64,
  webpExtendedBase64,
  webpLosslessBase64,
  webpSimpleBase64,
} from "../../../lib/case/photos/testing/photo-fixtures";
import { categoryId, populatedGridChains, type GridChain } from "../../../lib/testing/case-actors";
import { withSeededDistrict } from "../../../lib/testing/seeded-district";
import { createSignedInAccount } from "../../../lib/testing/test-sessions";
import { POST as reportRoute } from "../cases/route";
import { GET as photoRoute } from "./[id]/route";
import { POST as uploadRoute } from "./route";

let owner: Connection;
withSeededDistrict((c) => {
  owner = c;
});
afterAll(async () => {
  await productConnection().db.destroy();
});

const ORIGIN = "http://gridatlas.test";
const RUN = Date.now().toString(36).slice(-6);

let a: GridChain;
let b: GridChain;
let cookies: Record<"worker" | "worker2" | "otherWorker" | "community" | "analyst", string>;

beforeAll(async () => {
  const chains = await populatedGridChains(owner);
  a = chains[0];
  b = chains.find((c) => c.community !== a.community)!;
  const cookieFor = async (name: string, role: Role, regionId: number) =>
    (await createSignedInAccount(owner.db, `photo_${RUN}_${name}`, [{ role, regionId }])).cookie;
  cookies = {
    worker: await cookieFor("w", "grid_worker", a.grid),
    worker2: await cookieFor("w2", "grid_worker", a.grid),
    otherWorker: await cookieFor("ow", "grid_worker", b.grid),
    community: await cookieFor("c", "community_head", a.community),
    analyst: await cookieFor("an", "analyst", a.district),
  };
});

function upload(
  cookie: string | null,
  bytes: Uint8Array | null,
  options: { name?: string; type?: string; origin?: string; field?: string } = {},
) {
  const form = new FormData();
  if (bytes)
    form.append(
      options.field ?? "file",
      new Blob([new Uint8Array(bytes)], { type: options.type ?? "image/jpeg" }),
      options.name ?? "photo.jpg",
    );
  return uploadRoute(
    new Request(`${ORIGIN}/api/case-photos`, {
      method: "POST",
      body: form,
      headers: { ...(cookie ? { cookie } : {}), origin: options.origin ?? ORIGIN, host: new URL(ORIGIN).host },
    }),
  );
}

function download(cookie: string | null, id: number | string, headers: Record<string, string> = {}) {
  return photoRoute(new Request(`${ORIGIN}/api/case-photos/${id}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } }), {
    params: Promise.resolve({ id: String(id) }),
  });
}

async function uploaded(cookie: string, bytes: Uint8Array, options: Parameters<typeof upload>[2] = {}) {
  const response = await upload(cookie, bytes, options);
  expect(response.status).toBe(201);
  return (await response.json()) as { id: number; mime: string; width: number; height: number; byteSize: number };
}

describe("POST /api/case-photos", () => {
  it.each([
    ["JPEG", jpegBase64, "image/jpeg", 40, 30],
    ["PNG", pngBase64, "image/png", 40, 30],
    ["WebP (VP8)", webpSimpleBase64, "image/webp", 40, 30],
    ["WebP (VP8X)", webpExtendedBase64, "image/webp", 40, 30],
    ["WebP (VP8L)", webpLosslessBase64, "image/webp", 3, 5],
  ])("stores a good %s with its type and size from the bytes", async (_name, base64, mime, width, height) => {
    const bytes = fixtureBytes(base64);
    // the claimed type and name do not matter: the bytes decide
    const photo = await uploaded(cookies.worker, bytes, { type: "application/octet-stream", name: "whatever.bin" });
    expect(photo).toMatchObject({ mime, width, height, byteSize: bytes.length });
    const row = await owner.db.selectFrom("case_photo").selectAll().where("id", "=", photo.id).executeTakeFirstOrThrow();
    expect(row.case_id).toBeNull();
    expect(row.mime).toBe(mime);
    expect(Buffer.compare(row.content, Buffer.from(bytes))).toBe(0);
    expect(row.sha256.toString("hex")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers the same id when the same person uploads the same bytes again (a retry), a new one for someone else", async () => {
    const bytes = makePng(17, 11);
    const first = await uploaded(cookies.worker, bytes);
    const again = await upload(cookies.worker, bytes);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: number }).id).toBe(first.id);
    const other = await uploaded(cookies.worker2, bytes);
    expect(other.id).not.toBe(first.id);
  });

  it("refuses a text file named .jpg, an oversize file, a truncated header and a picture over 8000 px, in Chinese", async () => {
    const refused = async (bytes: Uint8Array, options: Parameters<typeof upload>[2] = {}, status = 400) => {
      const response = await upload(cookies.worker, bytes, options);
      expect(response.status).toBe(status);
      return ((await response.json()) as { error: { code: string; message: string } }).error;
    };
    expect(await refused(new TextEncoder().encode("这是一段文字，不是照片"), { name: "现场.jpg", type: "image/jpeg" })).toEqual({
      code: "VALIDATION",
      message: "只能上传 JPEG、PNG 或 WebP 格式的照片。",
      details: { file: "只能上传 JPEG、PNG 或 WebP 格式的照片。" },
    });
    // Too large a body is 413 (Payload Too Large), the photo's own message.
    expect((await refused(makePng(1100, 1000, { noise: true, rgb: true }), {}, 413)).message).toBe(
      "照片不能超过 3 MB，请压缩后再上传。",
    );
    expect((await refused(fixtureBytes(jpegBase64).subarray(0, 100))).message).toBe("照片文件不完整或已损坏，请重新拍摄或选择。");
    expect((await refused(makePng(8001, 1))).message).toBe("照片的宽和高都不能超过 8000 像素。");
    expect((await refused(makePng(10, 10), { field: "photo" })).message).toBe("请选择一张照片（表单字段 file）。");
  });

  it("stops reading a body announced larger than the limit before parsing it", async () => {
    const response = await uploadRoute(
      new Request(`${ORIGIN}/api/case-photos`, {
        method: "POST",
        body: new Uint8Array(16),
        headers: {
          cookie: cookies.worker,
          origin: ORIGIN,
          host: new URL(ORIGIN).host,
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(50 * 1024 * 1024),
        },
      }),
    );
    expect(response.status).toBe(413);
  });

  it("needs a session, case.report and a same-site request", async () => {
    const jpeg = fixtureBytes(jpegBase64);
    expect((await upload(null, jpeg)).status).toBe(401);
    expect((await upload(cookies.analyst, jpeg)).status).toBe(403);
    expect((await upload(cookies.worker, jpeg, { origin: "https://evil.example" })).status).toBe(403);
  });
});

describe("GET /api/case-photos/<id>", () => {
  it("sends the uploader the bytes with the stored type, nosniff, inline, private caching and an ETag", async () => {
    const bytes = fixtureBytes(webpSimpleBase64);
    // worker2 has not uploaded these bytes yet (the worker did, above)
    const { id } = await uploaded(cookies.worker2, bytes);
    const response = await download(cookies.worker2, id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(response.headers.get("cache-control")).toMatch(/^private/);
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), Buffer.from(bytes))).toBe(0);
    const etag = response.headers.get("etag")!;
    expect((await download(cookies.worker2, id, { "if-none-match": etag })).status).toBe(304);
  });

  it("hides someone else's unattached photo (even from a colleague of the same grid and the community head)", async () => {
    const { id } = await uploaded(cookies.worker, makePng(5, 7));
    expect((await download(cookies.worker2, id)).status).toBe(404);
    expect((await download(cookies.community, id)).status).toBe(404);
    expect((await download(null, id)).status).toBe(401);
    expect((await download(cookies.worker, 99_999_999)).status).toBe(404);
    expect((await download(cookies.worker, "abc")).status).toBe(400);
  });

  it("once a report attaches it: whoever reads the case's area sees it, nobody outside; it cannot be attached twice", async () => {
    const photo = await uploaded(cookies.worker, makePng(9, 9, { rgb: true }));
    const report = (cookie: string, photoIds: number[]) =>
      reportRoute(
        new Request(`${ORIGIN}/api/cases`, {
          method: "POST",
          body: JSON.stringify({
            clientRequestId: randomUUID(),
            categoryId: garbage,
            description: "路口暴露垃圾，附现场照片",
            lon: a.lon,
            lat: a.lat,
            photoIds,
            channel: "phone",
          }),
          headers: { cookie, origin: ORIGIN, host: new URL(ORIGIN).host, "content-type": "application/json" },
        }),
      );
    const garbage = await categoryId(owner, "event.exposed_garbage");
    // someone else's photo cannot be attached
    expect((await report(cookies.worker2, [photo.id])).status).toBe(400);
    const created = await report(cookies.worker, [photo.id]);
    expect(created.status).toBe(201);
    const { caseId } = (await created.json()) as { caseId: number };
    const row = await owner.db.selectFrom("case_photo").select("case_id").where("id", "=", photo.id).executeTakeFirstOrThrow();
    expect(row.case_id).toBe(caseId);

    expect((await download(cookies.worker, photo.id)).status).toBe(200);
    expect((await download(cookies.worker2, photo.id)).status).toBe(200);
    expect((await download(cookies.community, photo.id)).status).toBe(200);
    expect((await download(cookies.analyst, photo.id)).status).toBe(200);
    expect((await download(cookies.otherWorker, photo.id)).status).toBe(404);

    // attached photos are not handed out again: the same bytes make a new photo for the next report
    expect((await report(cookies.worker, [photo.id])).status).toBe(400);
    const again = await upload(cookies.worker, makePng(9, 9, { rgb: true }));
    expect(again.status).toBe(201);
    expect(((await again.json()) as { id: number }).id).not.toBe(photo.id);
  });
});
