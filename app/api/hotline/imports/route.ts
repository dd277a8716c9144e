import { DomainError } from "@/lib/errors";
import { listBatches } from "@/lib/hotline/get-batch";
import { uploadOrderFile } from "@/lib/hotline/upload-order-file";
import { MAX_FILE_BYTES } from "@/lib/hotline/read-order-file";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { MULTIPART_OVERHEAD_BYTES, readCappedForm } from "@/lib/request-body";
import { respond } from "../../_lib/respond";

/** GET the recent import batches of the caller's area. */
export async function GET(request: Request) {
  return respond(request, async (ctx) => ({ batches: await listBatches({ ctx }) }));
}

/** POST multipart/form-data with `file` (xlsx or CSV) → 202 {batchId, totalRows}: the worker imports it. */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => {
      const form = await readCappedForm(request, MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES);
      const file = form?.get("file");
      if (!file || typeof file === "string") throw new DomainError("VALIDATION", hotline.fileErrors.noFile);
      return uploadOrderFile({ ctx, input: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
    },
    { status: 202 },
  );
}
