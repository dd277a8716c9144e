import { readPhotoUpload } from "@/app/api/case-photos/_lib/read-photo-upload";
import { contextFromRequest } from "@/lib/context";
import { toHttpResponse } from "@/lib/errors";
import { readStaffPhoto } from "@/lib/org/read-staff-photo";
import { setStaffPhoto } from "@/lib/org/set-staff-photo";
import { respond } from "../../../_lib/respond";

type Params = { params: Promise<{ id: string }> };

/** GET the person's photo (staff.read in the area); nosniff and a sandboxing CSP, cached privately by ETag. */
export async function GET(request: Request, { params }: Params) {
  try {
    const { id } = await params;
    const ctx = await contextFromRequest(request);
    const photo = await readStaffPhoto({ ctx, input: { id } });
    const headers = {
      "content-type": photo.mime,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=300",
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

/** POST multipart/form-data with one `file` (JPEG, PNG or WebP by its bytes, ≤ 3 MB) → {mime, byteSize} (staff.manage). */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(request, async (ctx) => setStaffPhoto({ ctx, input: { id, bytes: await readPhotoUpload(request) } }));
}
