import { sql } from "kysely";
import { withinScope, type Scope } from "./scope";
import type { Database } from "../client";

/**
 * Case photos (case_photo, bytes in the row). A photo belongs to its uploader until a report or a step of
 * the loop attaches it to a case (db/queries/case.ts attachPhotos); from then on the case's area decides
 * who sees it. case_photo has no row-level security of its own: reads of attached photos go through the
 * case row, which has.
 */

/** The uploader's photo with these bytes that no case holds yet (a retried upload), if any. */
export async function findUnattachedPhotoBySha(db: Database, userId: number, sha256: Buffer) {
  return db
    .selectFrom("case_photo")
    .select(["id", "mime", "width", "height", "byte_size"])
    .where("uploaded_by", "=", userId)
    .where("sha256", "=", sha256)
    .where("case_id", "is", null)
    .orderBy("id")
    .executeTakeFirst();
}

export async function insertCasePhoto(
  db: Database,
  values: { uploadedBy: number; mime: string; content: Buffer; byteSize: number; width: number; height: number; sha256: Buffer },
) {
  return db
    .insertInto("case_photo")
    .values({
      uploaded_by: values.uploadedBy,
      mime: values.mime,
      content: values.content,
      byte_size: values.byteSize,
      width: values.width,
      height: values.height,
      sha256: values.sha256,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** Who may see a photo: its case and uploader (no bytes). */
export async function findPhotoOwnership(db: Database, id: number) {
  return db.selectFrom("case_photo").select(["id", "case_id", "uploaded_by"]).where("id", "=", id).executeTakeFirst();
}

export async function findPhotoContent(db: Database, id: number) {
  return db
    .selectFrom("case_photo")
    .select(["id", "mime", "content", "sha256", "byte_size"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * Whether the case exists for the caller: inside `scope` by its own filter, and by row-level security
 * (the transaction's gridatlas.scope) besides.
 */
export async function isCaseInScope(db: Database, caseId: number, scope: Scope): Promise<boolean> {
  const row = await db
    .selectFrom("case_record as c")
    .select(sql<number>`1`.as("one"))
    .where("c.id", "=", caseId)
    .where(withinScope(sql.ref("c.region_path"), scope))
    .executeTakeFirst();
  return row !== undefined;
}
