import { describe, expect, it } from "vitest";
import { readImageHeader } from "./image-header";
import { checkPhotoBytes, PHOTO_MAX_BYTES } from "./photo-rules";
import { makePng } from "./testing/make-png";
import {
  fixtureBytes,
  jpegBase64,
  pngBase64,
  webpExtendedBase64,
  webpLosslessBase64,
  webpSimpleBase64,
} from "./testing/photo-fixtures";

const text = (s: string) => new TextEncoder().encode(s);

describe("readImageHeader: real files made by Chromium's canvas", () => {
  it.each([
    ["JPEG (with an ICC profile segment before the frame header)", jpegBase64, "image/jpeg", 40, 30],
    ["PNG", pngBase64, "image/png", 40, 30],
    ["WebP lossy, simple form (VP8)", webpSimpleBase64, "image/webp", 40, 30],
    ["WebP lossy, extended form (VP8X)", webpExtendedBase64, "image/webp", 40, 30],
    ["WebP lossless (VP8L)", webpLosslessBase64, "image/webp", 3, 5],
  ])("%s", (_name, base64, mime, width, height) => {
    expect(readImageHeader(fixtureBytes(base64))).toEqual({ ok: true, mime, width, height });
  });

  it("reads PNG sizes beyond 16 bits (the IHDR fields are 32-bit)", () => {
    expect(readImageHeader(makePng(70000, 1))).toEqual({ ok: true, mime: "image/png", width: 70000, height: 1 });
  });
});

describe("readImageHeader: what is not a photo", () => {
  it("a text file named .jpg is refused by its bytes", () => {
    expect(readImageHeader(text("这不是图片，只是改了扩展名的文本文件\n"))).toEqual({ ok: false, reason: "unsupported" });
  });

  it.each([
    ["GIF", text("GIF89a\x01\x00\x01\x00\x00\x00\x00;")],
    ["SVG (could carry script)", text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["HTML", text("<!doctype html><html></html>")],
    ["RIFF that is not WebP (a WAV file)", text("RIFF\x24\x00\x00\x00WAVEfmt ")],
    [
      "PNG signature with another first chunk",
      new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x74, 0x45, 0x58, 0x74, 0, 0, 0, 1, 0, 0, 0, 1,
      ]),
    ],
  ])("%s is unsupported", (_name, bytes) => {
    expect(readImageHeader(bytes)).toEqual({ ok: false, reason: "unsupported" });
  });

  it("a JPEG whose scan starts before any frame header is refused", () => {
    // SOI, then SOS directly
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6]))).toEqual({
      ok: false,
      reason: "unsupported",
    });
  });
});

describe("readImageHeader: truncated headers", () => {
  const jpeg = fixtureBytes(jpegBase64);
  const png = fixtureBytes(pngBase64);
  const webp = fixtureBytes(webpSimpleBase64);

  it.each([
    ["JPEG cut inside its ICC segment, before the frame header", jpeg.subarray(0, 100)],
    ["JPEG of only the start marker", jpeg.subarray(0, 3)],
    ["JPEG of two bytes", jpeg.subarray(0, 2)],
    ["PNG cut inside IHDR", png.subarray(0, 20)],
    ["PNG of its signature only", png.subarray(0, 8)],
    ["WebP cut before the frame size", webp.subarray(0, 24)],
    ["RIFF of four bytes", webp.subarray(0, 4)],
  ])("%s", (_name, bytes) => {
    expect(readImageHeader(bytes)).toEqual({ ok: false, reason: "truncated" });
  });

  it("a JPEG cut right after its frame header still has a readable size (the header is all it reads)", () => {
    const sof = jpeg.findIndex((b, i) => b === 0xff && jpeg[i + 1] === 0xc0);
    expect(readImageHeader(jpeg.subarray(0, sof + 11))).toMatchObject({ ok: true, width: 40, height: 30 });
  });
});

describe("checkPhotoBytes", () => {
  it("accepts the three types with their sizes", () => {
    expect(checkPhotoBytes(fixtureBytes(jpegBase64))).toEqual({ mime: "image/jpeg", width: 40, height: 30, byteSize: 1028 });
    expect(checkPhotoBytes(makePng(8000, 2))).toMatchObject({ mime: "image/png", width: 8000, height: 2 });
  });

  it("refuses an empty file, a file over 3 MB, a foreign type, a truncated header and more than 8000 px a side, in Chinese", () => {
    const refused = (bytes: Uint8Array) => {
      try {
        checkPhotoBytes(bytes);
      } catch (error) {
        return { code: (error as { code: string }).code, message: (error as Error).message };
      }
      throw new Error("accepted");
    };
    expect(refused(new Uint8Array(0))).toEqual({ code: "VALIDATION", message: "照片文件为空。" });
    const big = makePng(1100, 1000, { noise: true, rgb: true });
    expect(big.length).toBeGreaterThan(PHOTO_MAX_BYTES);
    expect(refused(big)).toEqual({ code: "VALIDATION", message: "照片不能超过 3 MB，请压缩后再上传。" });
    expect(refused(text("plain text"))).toEqual({ code: "VALIDATION", message: "只能上传 JPEG、PNG 或 WebP 格式的照片。" });
    expect(refused(fixtureBytes(pngBase64).subarray(0, 20))).toEqual({
      code: "VALIDATION",
      message: "照片文件不完整或已损坏，请重新拍摄或选择。",
    });
    expect(refused(makePng(8001, 1))).toEqual({ code: "VALIDATION", message: "照片的宽和高都不能超过 8000 像素。" });
    expect(refused(makePng(1, 8001))).toMatchObject({ code: "VALIDATION" });
  });
});
