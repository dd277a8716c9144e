import "server-only";
import { createHash } from "node:crypto";
import { findUnattachedPhotoBySha, insertCasePhoto } from "../../../db/queries/case-photos";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError } from "../../errors";
import type { PhotoMime } from "./image-header";
import { checkPhotoBytes } from "./photo-rules";

export type UploadedPhoto = { id: number; mime: PhotoMime; width: number; height: number; byteSize: number; replayed: boolean };

/**
 * Stores one photo for a report or a step of the loop (needs case.report). The bytes are checked by their
 * magic number, size and header (photo-rules.ts); the photo belongs to the uploader, unattached, until a
 * report names it. The same bytes uploaded again by the same person before they are attached (a retry after a
 * lost answer) get the same id.
 */
export async function uploadCasePhoto({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: { bytes: Uint8Array };
}): Promise<UploadedPhoto> {
  authorize(ctx, "case.report");
  const userId = ctx.actor.userId;
  // Only an account can own an unattached photo (the system attaches none).
  if (userId === null) throw new DomainError("FORBIDDEN");
  const checked = checkPhotoBytes(input.bytes);
  const content = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const sha256 = createHash("sha256").update(content).digest();
  return ctx.db.transaction().execute(async (trx) => {
    const earlier = await findUnattachedPhotoBySha(trx, userId, sha256);
    if (earlier)
      return {
        id: earlier.id,
        mime: earlier.mime as PhotoMime,
        width: earlier.width,
        height: earlier.height,
        byteSize: earlier.byte_size,
        replayed: true,
      };
    const { id } = await insertCasePhoto(trx, {
      uploadedBy: userId,
      mime: checked.mime,
      content,
      byteSize: checked.byteSize,
      width: checked.width,
      height: checked.height,
      sha256,
    });
    await recordAudit(trx, ctx, {
      action: "case.photo.upload",
      entity: "case_photo",
      entityId: id,
      after: {
        mime: checked.mime,
        width: checked.width,
        height: checked.height,
        byteSize: checked.byteSize,
        sha256: sha256.toString("hex"),
      },
    });
    return { id, ...checked, replayed: false };
  });
}
