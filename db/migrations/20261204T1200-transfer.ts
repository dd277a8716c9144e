import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "./20261124T0900-access";

/**
 * Transfers (调动, DOMAIN.md Staff and organisation): a person moves between departments and/or grid posts. The
 * releasing side (the department the person leaves) and the receiving side (the department they join) each
 * decide once; both approvals make the transfer `approved`, and on its effective date (a Beijing calendar day)
 * it is `applied`: the job and post history change and the person's sign-in assignments follow.
 *
 * States: pending → approved → applied; pending → rejected (either side says no); pending | approved →
 * cancelled. An approved transfer whose application failed (e.g. the target grid already has its 专职网格员)
 * stays approved with `apply_error` until it applies or is cancelled.
 *
 * Approvers (`transfer_approver`): accounts named for a department and a side. Where a department names no
 * approver for a side, every account holding `transfer.approve` whose area holds the department's region
 * approves for it (the rule lives in lib/transfer/approver-rule.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table transfer (
      id bigint generated always as identity primary key,
      staff_id bigint not null references staff(id) on delete cascade,
      -- where the person was when the transfer was asked for (the post is the grid post they held, if any)
      from_department_id integer not null references department(id),
      from_position_id integer not null references staff_position(id),
      from_region_id integer references region(id),
      from_grid_role text check (from_grid_role in ('grid_head', 'full_time', 'part_time')),
      -- where they go; a post is a region and a grid role, or none
      to_department_id integer not null references department(id),
      to_position_id integer not null references staff_position(id),
      to_region_id integer references region(id),
      to_grid_role text check (to_grid_role in ('grid_head', 'full_time', 'part_time')),
      reason text not null check (length(reason) between 1 and 500),
      -- the Beijing calendar day the move takes effect
      effective_date date not null,
      state text not null default 'pending' check (state in ('pending', 'approved', 'rejected', 'applied', 'cancelled')),
      -- the form's request id: the same submission twice makes one transfer
      request_id uuid not null unique,
      requested_by bigint references app_user(id) on delete set null,
      requested_by_name text not null,
      requested_at timestamptz not null default now(),
      -- the releasing side's decision
      release_decision text check (release_decision in ('approved', 'rejected')),
      release_by bigint references app_user(id) on delete set null,
      release_by_name text,
      release_at timestamptz,
      release_note text check (length(release_note) <= 500),
      -- the receiving side's decision
      receive_decision text check (receive_decision in ('approved', 'rejected')),
      receive_by bigint references app_user(id) on delete set null,
      receive_by_name text,
      receive_at timestamptz,
      receive_note text check (length(receive_note) <= 500),
      cancelled_by bigint references app_user(id) on delete set null,
      cancelled_by_name text,
      cancelled_at timestamptz,
      cancel_note text check (length(cancel_note) <= 500),
      applied_at timestamptz,
      -- why the last attempt to apply failed (shown on the transfer); cleared when it applies
      apply_error text,
      apply_attempted_at timestamptz,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      check ((from_region_id is null) = (from_grid_role is null)),
      check ((to_region_id is null) = (to_grid_role is null)),
      check ((release_decision is null) = (release_at is null)),
      check ((receive_decision is null) = (receive_at is null))
    )`.execute(db);
  await sql`create index transfer_staff_idx on transfer (staff_id, requested_at desc)`.execute(db);
  await sql`create index transfer_from_department_idx on transfer (from_department_id, id desc)`.execute(db);
  await sql`create index transfer_to_department_idx on transfer (to_department_id, id desc)`.execute(db);
  // The job's work list: approved transfers by effective date.
  await sql`create index transfer_due_idx on transfer (effective_date, id) where state = 'approved'`.execute(db);
  // One open transfer per person: a second one would move them from a place they may no longer hold.
  await sql`create unique index transfer_one_open_per_staff on transfer (staff_id) where state in ('pending', 'approved')`.execute(
    db,
  );

  await sql`
    create table transfer_approver (
      id integer generated always as identity primary key,
      department_id integer not null references department(id) on delete cascade,
      user_id bigint not null references app_user(id) on delete cascade,
      -- release: decides when people leave the department; receive: when they join it
      side text not null check (side in ('release', 'receive')),
      created_at timestamptz not null default now(),
      unique (department_id, side, user_id)
    )`.execute(db);
  await sql`create index transfer_approver_user_idx on transfer_approver (user_id)`.execute(db);

  // The web process asks for, decides and (when the day has come) applies transfers, as the application role
  // (the staff tables' own grants: 20261204T1000-staff-org-grants).
  await sql`grant select, insert, update on transfer to ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`grant select, insert, update, delete on transfer_approver to ${sql.raw(APP_ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table transfer_approver`.execute(db);
  await sql`drop table transfer`.execute(db);
}
