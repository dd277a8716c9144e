import { uploadCasePhoto } from "@/lib/case/photos/upload-case-photo";
import { respond } from "../_lib/respond";
import { readPhotoUpload } from "./_lib/read-photo-upload";

/**
 * POST multipart/form-data with one `file` → 201 {id, mime, width, height, byteSize}; the same bytes again
 * (a retried upload, not yet attached) → 200 with the same id. Needs case.report.
 */
export async function POST(request: Request) {
  return respond(request, async (ctx) => uploadCasePhoto({ ctx, input: { bytes: await readPhotoUpload(request) } }), {
    personal: true,
    status: (photo) => (photo.replayed ? 200 : 201),
  });
}
