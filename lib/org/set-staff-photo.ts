import "server-only";
import { findStaffDetail, upsertStaffPhoto } from "../../db/queries/staff";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { checkPhotoBytes } from "../case/photos/photo-rules";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import { StaffIdInput } from "./schemas";

/**
 * 上传照片 (staff.manage): replaces a person's photo. The bytes are judged by their magic number, size (3 MB)
 * and header, exactly as case photos (lib/case/photos/photo-rules.ts): a JPEG, PNG or WebP, whatever the file
 * is called; anything else is refused with a Chinese message. Audited (type and size, not the bytes).
 */
export async function setStaffPhoto({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: { id: unknown; bytes: Uint8Array };
}): Promise<{ mime: string; byteSize: number }> {
  const scope = authorize(ctx, "staff.manage");
  const { id } = parseInput(StaffIdInput, { id: input.id });
  const checked = checkPhotoBytes(input.bytes);
  const content = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const row = await findStaffDetail(trx, id, scope, beijingDay());
      if (!row) throw new DomainError("NOT_FOUND", org.staff.notFound);
      await upsertStaffPhoto(trx, id, checked.mime, content);
      await recordAudit(trx, ctx, {
        action: "staff.photo",
        entity: "staff",
        entityId: id,
        after: { mime: checked.mime, byteSize: checked.byteSize, width: checked.width, height: checked.height },
      });
      return { mime: checked.mime, byteSize: checked.byteSize };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
