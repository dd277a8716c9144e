/**
 * Recognises a photo by its first bytes (magic numbers), never by its name or the Content-Type the browser
 * claims, and reads its pixel size from the header alone (no decoding): JPEG (the SOFn segment), PNG (IHDR)
 * and WebP (VP8, VP8L or VP8X). Anything else — a text file named .jpg, a GIF, an SVG with script — is
 * refused. Pure, so it is tested byte by byte.
 */

export const PHOTO_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoMime = (typeof PHOTO_MIME_TYPES)[number];

export type ImageHeader =
  { ok: true; mime: PhotoMime; width: number; height: number } | { ok: false; reason: "unsupported" | "truncated" };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
const u32le = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + ((b[at + 3] << 24) >>> 0);

const truncated: ImageHeader = { ok: false, reason: "truncated" };
const unsupported: ImageHeader = { ok: false, reason: "unsupported" };

/** The type and pixel size of a JPEG, PNG or WebP image, from its header; why not otherwise. */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return readJpeg(bytes);
  if (startsWith(bytes, PNG_SIGNATURE)) return readPng(bytes);
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return readWebp(bytes);
  // A prefix of a signature is a truncated image, not a foreign file.
  if (
    bytes.length < 12 &&
    (isPrefixOf(bytes, [0xff, 0xd8, 0xff]) || isPrefixOf(bytes, PNG_SIGNATURE) || isPrefixOf(bytes, [0x52, 0x49, 0x46, 0x46]))
  )
    return truncated;
  return unsupported;
}

function isPrefixOf(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length > 0 && bytes.length <= signature.length && bytes.every((b, i) => signature[i] === b);
}

/**
 * JPEG: a chain of segments (0xFF, marker, 2-byte big-endian length including itself). The frame header
 * SOFn (C0–CF except C4 DHT, C8 JPG, CC DAC) carries precision, height, width. Metadata (EXIF, ICC) before it
 * is skipped by its length; reaching the scan (SOS) or the end without a frame header means a broken file.
 */
function readJpeg(b: Uint8Array): ImageHeader {
  let at = 2;
  for (;;) {
    if (at >= b.length) return truncated;
    if (b[at] !== 0xff) return unsupported;
    // fill bytes: any number of 0xFF may precede a marker
    while (at < b.length && b[at] === 0xff) at++;
    if (at >= b.length) return truncated;
    const marker = b[at];
    at++;
    // markers without a length: RSTn, TEM, SOI
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xd8) continue;
    if (marker === 0xd9 || marker === 0xda) return unsupported;
    if (at + 2 > b.length) return truncated;
    const length = u16be(b, at);
    if (length < 2) return unsupported;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 7 > b.length) return truncated;
      const height = u16be(b, at + 3);
      const width = u16be(b, at + 5);
      // height 0 means "defined later by a DNL segment": legal, but no camera or canvas writes it
      if (width === 0 || height === 0) return unsupported;
      return { ok: true, mime: "image/jpeg", width, height };
    }
    at += length;
  }
}

/** PNG: the signature, then the IHDR chunk first (length 13, "IHDR", width, height as 32-bit big-endian). */
function readPng(b: Uint8Array): ImageHeader {
  if (b.length < 24) return truncated;
  if (ascii(b, 12, 4) !== "IHDR" || u32be(b, 8) !== 13) return unsupported;
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  if (width === 0 || height === 0) return unsupported;
  return { ok: true, mime: "image/png", width, height };
}

/**
 * WebP: RIFF container, "WEBP", then the first chunk at offset 12:
 * - "VP8 " (lossy): a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height (little-endian);
 * - "VP8L" (lossless): signature 0x2F, then width − 1 and height − 1 packed in 14 bits each;
 * - "VP8X" (extended): flags, 3 reserved bytes, canvas width − 1 and height − 1 in 24 bits each.
 */
function readWebp(b: Uint8Array): ImageHeader {
  if (b.length < 20) return truncated;
  const chunk = ascii(b, 12, 4);
  const data = 20;
  if (chunk === "VP8 ") {
    if (b.length < data + 10) return truncated;
    if (b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) return unsupported;
    const width = u16le(b, data + 6) & 0x3fff;
    const height = u16le(b, data + 8) & 0x3fff;
    if (width === 0 || height === 0) return unsupported;
    return { ok: true, mime: "image/webp", width, height };
  }
  if (chunk === "VP8L") {
    if (b.length < data + 5) return truncated;
    if (b[data] !== 0x2f) return unsupported;
    const bits = u32le(b, data + 1);
    return { ok: true, mime: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") {
    if (b.length < data + 10) return truncated;
    return { ok: true, mime: "image/webp", width: u24le(b, data + 4) + 1, height: u24le(b, data + 7) + 1 };
  }
  return unsupported;
}
