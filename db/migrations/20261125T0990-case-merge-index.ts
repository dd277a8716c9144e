import { sql, type Kysely } from "kysely";

/**
 * An index on case_record.merged_into_id: the self-reference is checked on every delete of a case (ON DELETE
 * SET NULL), and without an index each check scans the whole table — deleting a few thousand cases out of a
 * million took minutes. Partial: only merged duplicates carry the column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index case_record_merged_into_idx on case_record (merged_into_id) where merged_into_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index case_record_merged_into_idx`.execute(db);
}
