import { sql, type Kysely } from "kysely";

/**
 * Access: accounts, role assignments on the grid tree, database sessions, sign-in attempts (throttling),
 * the append-only audit and personal-data access logs, and defence in depth:
 * - the application role `gridatlas_app` owns nothing and gets only the privileges it needs;
 * - row-level security on room, household and resident keyed by the region paths the application sets
 *   per transaction (`gridatlas.scope`, an ltree[] literal); no setting → no rows.
 * Rooms, households and residents carry their basic grid (`grid_id`) so the policy is one hashed
 * semi-join on the grids in scope instead of a walk up room → building → grid on every row.
 */
export const APP_ROLE = "gridatlas_app";

const APP_TABLES_READ = [
  "region",
  "building",
  "room",
  "household",
  "resident",
  "organization",
  "component",
  "map_feature",
  "layer_version",
];
const RLS_TABLES = ["room", "household", "resident"];

export async function up(db: Kysely<unknown>): Promise<void> {
  // People and rooms know their basic grid.
  for (const table of RLS_TABLES) await sql`alter table ${sql.table(table)} add column grid_id integer`.execute(db);
  await sql`update room r set grid_id = b.grid_id from building b where b.id = r.building_id`.execute(db);
  await sql`update household h set grid_id = r.grid_id from room r where r.id = h.room_id`.execute(db);
  await sql`update resident p set grid_id = h.grid_id from household h where h.id = p.household_id`.execute(db);
  for (const table of RLS_TABLES) {
    await sql`alter table ${sql.table(table)} alter column grid_id set not null`.execute(db);
    await sql`alter table ${sql.table(table)} add foreign key (grid_id) references region(id) on delete cascade`.execute(db);
    await sql`create index ${sql.id(`${table}_grid_idx`)} on ${sql.table(table)} (grid_id)`.execute(db);
  }

  await sql`
    create table app_user (
      id bigint generated always as identity primary key,
      -- lower-case login name; staff have no e-mail
      username text not null unique check (username ~ '^[a-z0-9_.-]{3,32}$'),
      display_name text not null check (length(display_name) between 1 and 40),
      -- argon2id (PHC string)
      password_hash text not null,
      must_change_password boolean not null default false,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);

  await sql`
    create table role_assignment (
      id bigint generated always as identity primary key,
      user_id bigint not null references app_user(id) on delete cascade,
      role text not null,
      region_id integer not null references region(id) on delete cascade,
      created_at timestamptz not null default now(),
      unique (user_id, role, region_id)
    )`.execute(db);
  await sql`create index role_assignment_user_idx on role_assignment (user_id)`.execute(db);

  await sql`
    create table user_session (
      id bigint generated always as identity primary key,
      -- SHA-256 of the cookie's random token: a stolen table does not give usable cookies
      token_hash bytea not null unique,
      user_id bigint not null references app_user(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      address text,
      user_agent text
    )`.execute(db);
  await sql`create index user_session_user_idx on user_session (user_id)`.execute(db);

  await sql`
    create table sign_in_attempt (
      id bigint generated always as identity primary key,
      -- the name as typed (normalised), whether or not such an account exists
      username text not null,
      address text not null,
      succeeded boolean not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sign_in_attempt_username_idx on sign_in_attempt (username, at desc)`.execute(db);
  await sql`create index sign_in_attempt_address_idx on sign_in_attempt (address, at desc)`.execute(db);

  // Logs keep plain ids (no foreign keys): they must outlive the rows they speak about.
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id bigint,
      actor_name text not null,
      action text not null,
      entity text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      address text
    )`.execute(db);
  await sql`create index audit_log_at_idx on audit_log (at desc, id desc)`.execute(db);
  await sql`create index audit_log_actor_idx on audit_log (actor_user_id, at desc)`.execute(db);

  await sql`
    create table pii_access_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      user_id bigint,
      username text not null,
      -- reveal | view | export | lookup
      kind text not null check (kind in ('reveal', 'view', 'export', 'lookup')),
      -- id_number | phone | name | detail | list
      field text not null,
      resident_id bigint,
      region_id integer,
      reason text,
      row_count integer,
      unmasked boolean not null default false,
      address text
    )`.execute(db);
  await sql`create index pii_access_log_at_idx on pii_access_log (at desc, id desc)`.execute(db);
  await sql`create index pii_access_log_user_idx on pii_access_log (user_id, at desc)`.execute(db);
  await sql`create index pii_access_log_resident_idx on pii_access_log (resident_id, at desc)`.execute(db);

  // Append-only, for every role (the application role also lacks the privileges).
  await sql`
    create function refuse_log_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  for (const table of ["audit_log", "pii_access_log"]) {
    await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)} for each statement execute function refuse_log_change()`.execute(
      db,
    );
  }

  // The region paths of the caller's area, set per transaction by the application.
  await sql`
    create function gridatlas_scope() returns ltree[] language sql stable as $$
      select coalesce(nullif(current_setting('gridatlas.scope', true), ''), '{}')::ltree[]
    $$`.execute(db);

  for (const table of RLS_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy ${sql.id(`${table}_in_scope`)} on ${sql.table(table)}
        using (grid_id in (select g.id from region g where g.path <@ gridatlas_scope()))`.execute(db);
  }

  // The application role: a login without ownership, superuser or BYPASSRLS.
  await sql`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = ${sql.lit(APP_ROLE)}) then
        create role ${sql.raw(APP_ROLE)} login nosuperuser nobypassrls nocreatedb nocreaterole;
      end if;
    end $$`.execute(db);
  await sql`grant usage on schema public to ${sql.raw(APP_ROLE)}`.execute(db);
  for (const table of APP_TABLES_READ) await sql`grant select on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  for (const table of ["room", "household", "resident", "building"]) {
    await sql`grant insert, update on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  }
  for (const table of ["app_user", "role_assignment", "user_session"]) {
    await sql`grant select, insert, update, delete on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  }
  for (const table of ["sign_in_attempt", "audit_log", "pii_access_log"]) {
    await sql`grant select, insert on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  }
  await sql`grant execute on function gridatlas_scope() to ${sql.raw(APP_ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The role is cluster-wide (other databases may use it): only this database's grants are removed.
  await sql`revoke all on all tables in schema public from ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`revoke all on all functions in schema public from ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`revoke usage on schema public from ${sql.raw(APP_ROLE)}`.execute(db);
  for (const table of RLS_TABLES) {
    await sql`drop policy ${sql.id(`${table}_in_scope`)} on ${sql.table(table)}`.execute(db);
    await sql`alter table ${sql.table(table)} disable row level security`.execute(db);
  }
  await sql`drop function gridatlas_scope()`.execute(db);
  for (const table of ["pii_access_log", "audit_log", "sign_in_attempt", "user_session", "role_assignment", "app_user"]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`drop function refuse_log_change()`.execute(db);
  for (const table of RLS_TABLES) await sql`alter table ${sql.table(table)} drop column grid_id`.execute(db);
}
