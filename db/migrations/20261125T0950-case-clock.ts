import { sql, type Kysely } from "kysely";

/**
 * Room for the case clock to write in place. The clock pass (db/queries/case-clock.ts) changes a case's light
 * and its reminder/escalation bookkeeping every few minutes of its life; none of those columns needs to be in
 * an index, so PostgreSQL can update the row as a heap-only tuple (HOT: no new entry in any of the table's
 * sixteen indexes, two of them GiST and one GIN) — provided the page has room for the new version.
 * - The clock's partial index no longer carries `light` (the pass reads the row anyway); it lists the open,
 *   timed cases by deadline.
 * - fillfactor 80 leaves a fifth of every page free for those in-place versions (new pages; the demo loader
 *   writes the whole table anew). A case row is 500–650 bytes, so a page keeps room for two or three new
 *   versions. Measured on the benchmark's busy pass (13,000 of 100,000 open cases change at once, spread over
 *   the table): in-place updates 0% at fillfactor 100, 72% at 90, 77% at 80 (most of the rest are
 *   escalations: level is in an index); rewriting those rows' light alone took 1.2 s, 0.40 s and 0.24 s. The
 *   price: the heap is a quarter larger (~150 MB for a year of a million cases). See bench/clock.ts and
 *   bench/results/clock.json.
 */
const OPEN_STATES = [
  "reported",
  "filed",
  "dispatched",
  "acknowledged",
  "returned",
  "handled",
  "reported_back",
  "verifying",
  "suspended",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const openList = sql.join(OPEN_STATES.map((s) => sql.lit(s)));
  await sql`drop index if exists case_record_clock_idx`.execute(db);
  await sql`create index case_record_clock_idx on case_record (deadline_at) where state in (${openList}) and stage is not null`.execute(
    db,
  );
  await sql`alter table case_record set (fillfactor = 80)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const openList = sql.join(OPEN_STATES.map((s) => sql.lit(s)));
  await sql`alter table case_record reset (fillfactor)`.execute(db);
  await sql`drop index if exists case_record_clock_idx`.execute(db);
  await sql`create index case_record_clock_idx on case_record (deadline_at) include (yellow_at, light) where state in (${openList}) and stage is not null`.execute(
    db,
  );
}
