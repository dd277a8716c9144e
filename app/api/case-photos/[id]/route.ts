import { readCasePhoto } from "@/lib/case/photos/read-case-photo";
import { contextFromRequest } from "@/lib/context";
import { toHttpResponse } from "@/lib/errors";

/**
 * GET the bytes of a photo: its uploader while it is unattached, afterwards whoever may read its case.
 * The stored type was established from the bytes themselves; nosniff and a sandboxing CSP keep a browser
 * from treating it as anything else. Cached by the browser only (private), revalidated by ETag (the SHA-256).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await contextFromRequest(request);
    const photo = await readCasePhoto({ ctx, photoId: id });
    const headers = {
      "content-type": photo.mime,
      "content-disposition": `inline; filename="case-photo-${photo.id}.${EXTENSIONS[photo.mime]}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=3600",
      etag: photo.etag,
    };
    if (request.headers.get("if-none-match") === photo.etag) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(photo.content), {
      status: 200,
      headers: { ...headers, "content-length": String(photo.content.byteLength) },
    });
  } catch (error) {
    return toHttpResponse(error);
  }
}

const EXTENSIONS = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" } as const;
