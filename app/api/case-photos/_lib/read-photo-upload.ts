import "server-only";
import { PHOTO_MAX_BYTES } from "@/lib/case/photos/photo-rules";
import { DomainError, isDomainError } from "@/lib/errors";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { readCappedBytes } from "@/lib/request-body";

/** Room for the multipart boundaries and part headers around the one file. */
const MULTIPART_OVERHEAD = 16 * 1024;
const BODY_LIMIT = PHOTO_MAX_BYTES + MULTIPART_OVERHEAD;

const tooLarge = () =>
  new DomainError("TOO_LARGE", caseIntake.photos.tooLarge(PHOTO_MAX_BYTES / 1024 / 1024), {
    details: { file: caseIntake.photos.tooLarge(PHOTO_MAX_BYTES / 1024 / 1024) },
  });
const missing = () =>
  new DomainError("VALIDATION", caseIntake.photos.fileMissing, { details: { file: caseIntake.photos.fileMissing } });

/**
 * The one file of a multipart/form-data upload (field `file`). The body is read with a cap, so a huge or
 * endless upload is cut off at 3 MB and a little (413), never buffered whole; the bytes are judged afterwards by
 * the verb (magic bytes, header), never by the part's file name or Content-Type.
 */
export async function readPhotoUpload(request: Request): Promise<Uint8Array> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(type)) throw missing();
  const body = await readCappedBytes(request, BODY_LIMIT).catch((error: unknown) => {
    throw isDomainError(error) && error.code === "TOO_LARGE" ? tooLarge() : error;
  });
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw missing();
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw missing();
  return new Uint8Array(await file.arrayBuffer());
}
