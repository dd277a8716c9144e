import { DomainError } from "@/lib/errors";
import { MAX_FILE_BYTES } from "@/lib/hotline/file-limits";
import { org } from "@/lib/i18n/zh-CN/org";
import { importStaff } from "@/lib/org/import-staff";
import { MULTIPART_OVERHEAD_BYTES, readCappedForm } from "@/lib/request-body";
import { respond } from "../../_lib/respond";

/**
 * POST multipart/form-data with `file` (xlsx or CSV) → {imported, skipped, errors}: all or nothing — with any
 * row error nothing is imported and every error is listed (staff.manage).
 */
export async function POST(request: Request) {
  return respond(request, async (ctx) => {
    const form = await readCappedForm(request, MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES);
    const file = form?.get("file");
    if (!file || typeof file === "string")
      throw new DomainError("VALIDATION", org.import.errors.fileMissing, { details: { file: org.import.errors.fileMissing } });
    return importStaff({ ctx, input: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
  });
}
