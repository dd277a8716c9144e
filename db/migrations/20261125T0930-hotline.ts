import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "./20261124T0900-access";

/**
 * Intake from outside systems: 12345 hotline batch imports and Open311 GeoReport v2.
 *
 * - `hotline_batch`: one uploaded file. The parsed rows wait encrypted (they hold callers' phones) until the
 *   worker has processed them, then are dropped; the batch keeps its counts and the per-row report
 *   (`hotline_batch_row`: created / updated / unchanged / queued / rejected, with the reason).
 * - `hotline_order`: the ledger of 12345 orders by their stable order number (工单编号). It decides whether a
 *   re-imported row is unchanged (same content hash), changed (update the case) or new, whatever the case's
 *   row-level security hides from the importer; orders that could not be located wait here (needs_location)
 *   with their fields until an operator places them on the map. No row-level security: every query filters
 *   by `region_path` (the case's grid path once located; before that the importer's area, narrowed to the
 *   street the address names).
 * - `api_key`: Open311 keys. Only the SHA-256 of the random token is stored (the token is shown once), with a
 *   display prefix, the region the key may report into, and a fixed-window counter for rate limiting.
 * - `open311_request`: which key posted which case, and the media URL the client sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table hotline_batch (
      id bigint generated always as identity primary key,
      file_name text not null check (length(file_name) between 1 and 200),
      file_sha256 bytea not null,
      -- xlsx | csv
      format text not null check (format in ('xlsx', 'csv')),
      -- utf-8 | gb18030 (CSV only)
      encoding text,
      created_by bigint references app_user(id) on delete set null,
      created_by_name text not null,
      -- the importer as authorised at upload (user, assignments with their region paths): the worker acts as it
      actor jsonb not null,
      -- the importer's area for case.import
      scope ltree[] not null,
      -- the parsed rows (JSON, AES-256-GCM like other personal data); null once processed
      rows_cipher bytea,
      total_rows integer not null check (total_rows >= 0),
      -- rows committed so far (a restarted job resumes here)
      processed_rows integer not null default 0,
      -- pending | running | done | failed
      status text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
      -- the processor holding the batch and until when (renewed by every chunk): a second worker, or a job
      -- retried while the first still runs, cannot take it; a dead worker's batch is taken over once it lapses
      lease_token uuid,
      lease_until timestamptz,
      created_count integer not null default 0,
      updated_count integer not null default 0,
      unchanged_count integer not null default 0,
      queued_count integer not null default 0,
      rejected_count integer not null default 0,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      -- wall time of the processing (not the wait in the queue)
      duration_ms integer,
      error text
    )`.execute(db);
  await sql`create index hotline_batch_created_idx on hotline_batch (created_at desc, id desc)`.execute(db);

  await sql`
    create table hotline_batch_row (
      batch_id bigint not null references hotline_batch(id) on delete cascade,
      -- the spreadsheet's row number (the header is row 1)
      row_number integer not null,
      order_no text,
      -- created | updated | unchanged | queued (needs location) | rejected
      outcome text not null check (outcome in ('created', 'updated', 'unchanged', 'queued', 'rejected')),
      -- machine code of the reason (missing_field, invalid_time, outside_district …) or of how it was placed
      reason_code text,
      -- the Chinese explanation shown in the report
      message text,
      case_id bigint references case_record(id) on delete set null,
      primary key (batch_id, row_number)
    )`.execute(db);
  await sql`create index hotline_batch_row_outcome_idx on hotline_batch_row (batch_id, outcome, row_number)`.execute(db);
  // Deleting a case sets its report lines' case_id to null: without this index each deleted case scans them all.
  await sql`create index hotline_batch_row_case_idx on hotline_batch_row (case_id) where case_id is not null`.execute(db);

  await sql`
    create table hotline_order (
      id bigint generated always as identity primary key,
      -- 工单编号: the hotline's own stable number (case_record.external_id with external_system '12345')
      order_no text not null unique,
      -- needs_location (waits in the queue) | imported (a case exists)
      status text not null check (status in ('needs_location', 'imported')),
      -- the row's fields as read (phone replaced by its HMAC; the phone itself below, encrypted)
      fields jsonb not null,
      -- HMAC-SHA256 of the normalised row: an unchanged re-import is skipped without touching anything
      content_hash bytea not null,
      reporter_phone_cipher bytea,
      -- 受理时间 and 办理时限 of the hotline
      received_at timestamptz not null,
      due_at timestamptz,
      region_path ltree not null,
      case_id bigint references case_record(id) on delete set null,
      first_batch_id bigint references hotline_batch(id) on delete set null,
      last_batch_id bigint references hotline_batch(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      located_at timestamptz,
      located_by bigint references app_user(id) on delete set null,
      version integer not null default 1
    )`.execute(db);
  await sql`create index hotline_order_queue_idx on hotline_order using gist (region_path) where status = 'needs_location'`.execute(
    db,
  );
  await sql`create index hotline_order_received_idx on hotline_order (received_at desc, id desc)`.execute(db);
  await sql`create index hotline_order_case_idx on hotline_order (case_id) where case_id is not null`.execute(db);

  await sql`
    create table api_key (
      id bigint generated always as identity primary key,
      name text not null check (length(name) between 1 and 60),
      -- the token's first characters, enough to recognise a key in lists and logs
      key_prefix text not null,
      -- SHA-256 of the whole token: a leaked table gives no usable key
      key_hash bytea not null unique,
      -- cases posted with this key must lie inside this region
      region_id integer not null references region(id) on delete cascade,
      created_by bigint references app_user(id) on delete set null,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      revoked_by bigint references app_user(id) on delete set null,
      last_used_at timestamptz,
      -- fixed one-minute window of accepted POSTs (rate limit per key)
      window_started_at timestamptz,
      window_count integer not null default 0,
      version integer not null default 1
    )`.execute(db);
  await sql`create index api_key_created_idx on api_key (created_at desc, id desc)`.execute(db);

  await sql`
    create table open311_request (
      case_id bigint primary key references case_record(id) on delete cascade,
      api_key_id bigint not null references api_key(id) on delete cascade,
      media_url text check (length(media_url) <= 2000),
      submitted_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index open311_request_key_idx on open311_request (api_key_id, submitted_at desc)`.execute(db);

  await sql`grant select, insert, update on hotline_batch to ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`grant select, insert on hotline_batch_row to ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`grant select, insert, update on hotline_order to ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`grant select, insert, update on api_key to ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`grant select, insert on open311_request to ${sql.raw(APP_ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["open311_request", "api_key", "hotline_order", "hotline_batch_row", "hotline_batch"]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
