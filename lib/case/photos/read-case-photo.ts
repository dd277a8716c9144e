import "server-only";
import { findPhotoContent, findPhotoOwnership, isCaseInScope } from "../../../db/queries/case-photos";
import { inScope } from "../../../db/queries/scope";
import { can, scopeOf } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError, parseInput } from "../../errors";
import { caseIntake } from "../../i18n/zh-CN/case-intake";
import { CaseIdSchema } from "../schemas";
import type { PhotoMime } from "./image-header";

export type PhotoContent = { id: number; mime: PhotoMime; content: Buffer; etag: string };

/**
 * The bytes of one photo. Unattached, only its uploader sees it (it is a draft's photo); attached, whoever
 * may read the case (case.read with the case inside the area, checked on the case row under row-level
 * security). Everybody else gets NOT_FOUND, so a photo id says nothing about a case out of reach.
 */
export async function readCasePhoto({ ctx, photoId }: { ctx: RequestContext; photoId: unknown }): Promise<PhotoContent> {
  if (!can(ctx, "case.read") && !can(ctx, "case.report")) throw new DomainError("FORBIDDEN");
  const id = parseInput(CaseIdSchema, photoId);
  const notFound = () => new DomainError("NOT_FOUND", caseIntake.photos.notFound);
  const owner = await findPhotoOwnership(ctx.db, id);
  if (!owner) throw notFound();
  if (owner.case_id === null) {
    if (ctx.actor.userId === null || owner.uploaded_by !== ctx.actor.userId) throw notFound();
  } else {
    const scope = scopeOf(ctx, "case.read");
    const caseId = owner.case_id;
    if (scope.length === 0 || !(await inScope(ctx.db, scope, (trx) => isCaseInScope(trx, caseId, scope)))) throw notFound();
  }
  const photo = await findPhotoContent(ctx.db, id);
  if (!photo) throw notFound();
  return { id: photo.id, mime: photo.mime as PhotoMime, content: photo.content, etag: `"${photo.sha256.toString("hex")}"` };
}
