import { sql, type Kysely } from "kysely";

/**
 * Case intake at speed (the phone report page, and 300 reports a second through the HTTP API):
 *
 * - The area rule of case_record reads the row's own region_path (the basic grid's path, written with the grid
 *   by every insert) instead of looking the grid up in region: `grid_id in (select id from region where path
 *   <@ scope)` scanned the whole region table (8 MB with its polygons, the scope cast from text for every row)
 *   on every statement that touches a case — 14 ms for a lookup by primary key, four times per report. The
 *   scope is read once per statement (an InitPlan), and the path's GiST index can answer it. Same rows visible:
 *   a case's region_path is its grid's path.
 * - A photo uploaded twice by the same person (a retried upload after a network failure) is found by its
 *   SHA-256 among that person's photos not yet attached to a case, so the retry gets the same id.
 * - "My tasks" reads small work queues out of a year of cases: cases waiting at an office's level (reported,
 *   filed, returned) and cases in a unit's hands (dispatched, acknowledged, handled, as lead or co-unit).
 *   Partial indexes hold only those rows, so they stay small however many cases are closed.
 */
const UNIT_WORK = sql`state in ('dispatched', 'acknowledged', 'handled')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop policy case_record_in_scope on case_record`.execute(db);
  await sql`create policy case_record_in_scope on case_record using (region_path <@ (select gridatlas_scope()))`.execute(db);
  await sql`create index case_photo_unattached_idx on case_photo (uploaded_by, sha256) where case_id is null`.execute(db);
  await sql`create index case_record_office_queue_idx on case_record (level, reported_at desc) where state in ('reported', 'filed', 'returned')`.execute(
    db,
  );
  await sql`create index case_record_unit_queue_idx on case_record (lead_unit_id) where ${UNIT_WORK}`.execute(db);
  await sql`create index case_record_co_unit_queue_idx on case_record using gin (co_unit_ids) where ${UNIT_WORK}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    "case_record_co_unit_queue_idx",
    "case_record_unit_queue_idx",
    "case_record_office_queue_idx",
    "case_photo_unattached_idx",
  ]) {
    await sql`drop index ${sql.id(index)}`.execute(db);
  }
  await sql`drop policy case_record_in_scope on case_record`.execute(db);
  await sql`create policy case_record_in_scope on case_record using (grid_id in (select g.id from region g where g.path <@ gridatlas_scope()))`.execute(
    db,
  );
}
