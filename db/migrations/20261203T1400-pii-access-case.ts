import { sql, type Kysely } from "kysely";

/**
 * The personal-data access log also names a case: identity numbers, phones and names that people type into a
 * case's free text (description, address, timeline notes) are shown masked, and showing them in clear is a
 * logged reveal of that case (field "case_text"), as a resident's field reveal names the resident.
 * No foreign key: the log is append-only and outlives the cases it names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table pii_access_log add column case_id bigint`.execute(db);
  await sql`create index pii_access_log_case_idx on pii_access_log (case_id, at desc) where case_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index pii_access_log_case_idx`.execute(db);
  await sql`alter table pii_access_log drop column case_id`.execute(db);
}
