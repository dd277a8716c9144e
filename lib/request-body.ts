import { DomainError } from "./errors";
import { errorMessages } from "./i18n/zh-CN/errors";

/**
 * Body size limits. A JSON or form body of the product is a few kilobytes; 1 MB leaves room for the
 * largest (a routing rule with its units, a case note of 4,000 characters) and keeps an anonymous
 * 100 MB post from being buffered. Uploads have their own limits (photos 3 MB, 12345 files 10 MB), plus
 * room for the multipart boundaries and part headers.
 */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function bodyTooLarge(limitBytes: number): DomainError {
  const mb = Math.round((limitBytes / 1024 / 1024) * 10) / 10;
  return new DomainError("TOO_LARGE", errorMessages.bodyTooLarge(mb), { details: { limitBytes: String(limitBytes) } });
}

/**
 * The body's bytes, refused with 413 as soon as the declared Content-Length or the bytes counted while
 * streaming pass `limitBytes` — never buffered whole beyond the limit.
 */
export async function readCappedBytes(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^[0-9]+$/.test(declared) && Number(declared) > limitBytes) throw bodyTooLarge(limitBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(new ArrayBuffer(total));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/** The body as JSON within the limit; `undefined` when it is empty or not JSON (the caller decides what that means). */
export async function readCappedJson(request: Request, limitBytes: number = JSON_BODY_LIMIT_BYTES): Promise<unknown> {
  const bytes = await readCappedBytes(request, limitBytes);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/** The body as FormData (url-encoded or multipart) within the limit; `null` when it cannot be read as a form. */
export async function readCappedForm(request: Request, limitBytes: number = JSON_BODY_LIMIT_BYTES): Promise<FormData | null> {
  const bytes = await readCappedBytes(request, limitBytes);
  try {
    return await new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return null;
  }
}
