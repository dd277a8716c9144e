import "server-only";
import { createHash } from "node:crypto";
import { insertBatch } from "../../db/queries/hotline-batch";
import { inScope } from "../../db/queries/scope";
import { enqueue } from "../../workers/enqueue";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError } from "../errors";
import { hotline } from "../i18n/zh-CN/hotline";
import { encryptPii } from "../pii/protect";
import { actorSnapshot } from "./importer-context";
import { prepareRows } from "./prepare-rows";
import { readOrderFile } from "./read-order-file";

export type UploadResult = { batchId: number; totalRows: number; ignoredHeaders: string[] };

/**
 * 12345 批量导入, the web's part: checks the caller may import (street operator, district commander), reads the
 * file (a whole-file problem is refused at once with its reason), checks every row, and hands the batch to
 * the worker (job hotline.import) in the same transaction as its audit row. The rows wait encrypted: they
 * carry callers' phones.
 */
export async function uploadOrderFile({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: { fileName: string; bytes: Uint8Array };
}): Promise<UploadResult> {
  const scope = authorize(ctx, "case.import");
  const fileName = input.fileName.trim().slice(-200);
  if (!fileName || input.bytes.byteLength === 0) throw new DomainError("VALIDATION", hotline.fileErrors.noFile);
  const file = await readOrderFile(fileName, input.bytes);
  const prepared = prepareRows(file.rows);
  const sha256 = createHash("sha256").update(input.bytes).digest();
  return inScope(ctx.db, scope, async (trx) => {
    const batchId = await insertBatch(trx, {
      fileName,
      fileSha256: sha256,
      format: file.format,
      encoding: file.encoding,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      actorJson: JSON.stringify(actorSnapshot(ctx)),
      scope,
      rowsCipher: encryptPii(JSON.stringify(prepared)),
      totalRows: prepared.length,
    });
    await recordAudit(trx, ctx, {
      action: "hotline.import",
      entity: "hotline_batch",
      entityId: batchId,
      after: { fileName, format: file.format, encoding: file.encoding, rows: prepared.length, sha256: sha256.toString("hex") },
    });
    await enqueue(trx, "hotline.import", { batchId });
    return { batchId, totalRows: prepared.length, ignoredHeaders: file.ignoredHeaders };
  });
}
