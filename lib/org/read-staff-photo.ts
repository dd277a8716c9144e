import "server-only";
import { createHash } from "node:crypto";
import { findStaffPhoto, findStaffSecrets } from "../../db/queries/staff";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { org } from "../i18n/zh-CN/org";
import { StaffIdInput } from "./schemas";

/** A person's photo for whoever may read the person (staff.read, inside the area); NOT_FOUND otherwise or without one. */
export async function readStaffPhoto({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: { id: unknown };
}): Promise<{ mime: string; content: Buffer; etag: string }> {
  const scope = authorize(ctx, "staff.read");
  const { id } = parseInput(StaffIdInput, input);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const person = await findStaffSecrets(trx, id, scope);
      const photo = person ? await findStaffPhoto(trx, id) : undefined;
      if (!photo) throw new DomainError("NOT_FOUND", org.staff.noPhoto);
      const content = Buffer.from(photo.content);
      return { mime: photo.mime, content, etag: `"${createHash("sha256").update(content).digest("hex").slice(0, 32)}"` };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
