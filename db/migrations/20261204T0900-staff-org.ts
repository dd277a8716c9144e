import { sql, type Kysely } from "kysely";

/**
 * The organisation and its staff (DOMAIN.md, Staff and organisation): departments as a tree (横向 kind, 纵向
 * level), positions and ranks (职级), staff records with their personal data encrypted like residents', the
 * effective-dated history of each person's department, position and rank, and grid posts (staff ↔ region
 * with the grid role). Transfers, attendance and payroll add their own tables on top.
 *
 * Effective dating: every dated row holds [valid_from, valid_to) in local calendar days; valid_to null means
 * "still in force". Exclusion constraints (btree_gist) keep the periods of one person, and the 专职网格员
 * posts of one basic grid, from overlapping, so a double assignment is refused by the database itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);

  await sql`
    create table department (
      id integer generated always as identity primary key,
      code text not null unique check (code ~ '^[A-Za-z0-9._-]{1,64}$'),
      name text not null check (length(name) between 1 and 100),
      -- 横向: command (指挥中心) | office (办公室, 综治办 …) | section (科室: 城管科, 民政科 …) |
      -- grid_office (网格管理办/工作站) | bureau (区职能部门: 城管局, 公安 …)
      kind text not null check (kind in ('command', 'office', 'section', 'grid_office', 'bureau')),
      -- 纵向: 0 district, 1 street, 2 community, 3 小区, 4 basic grid (the level of its region)
      level smallint not null check (level between 0 and 4),
      parent_id integer references department(id) on delete restrict,
      -- the area the department belongs to: its staff are seen by leads and HR whose area holds it
      region_id integer not null references region(id) on delete cascade,
      -- the case unit it acts as, where it handles cases (a bureau, a street office, a station)
      case_unit_id integer references case_unit(id) on delete set null,
      sort_order integer not null default 0,
      valid_from date not null default current_date,
      valid_to date,
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
  await sql`create index department_parent_idx on department (parent_id)`.execute(db);
  await sql`create index department_region_idx on department (region_id)`.execute(db);

  await sql`
    create table staff_position (
      id integer generated always as identity primary key,
      code text not null unique,
      name text not null,
      -- the grid role the position carries on a grid post, if any
      grid_role text check (grid_role in ('grid_head', 'full_time', 'part_time')),
      sort_order integer not null default 0
    )`.execute(db);

  await sql`
    create table staff_rank (
      id integer generated always as identity primary key,
      code text not null unique,
      name text not null,
      -- 1 lowest; pay structures (payroll) key on the rank
      ordinal smallint not null unique check (ordinal > 0)
    )`.execute(db);

  await sql`
    create table staff (
      id bigint generated always as identity primary key,
      staff_no text not null unique check (staff_no ~ '^[A-Za-z0-9-]{1,32}$'),
      name text not null check (length(name) between 1 and 50),
      gender text check (gender in ('male', 'female')),
      -- current department, position and rank: the open row of staff_job, kept in step by the verbs
      department_id integer not null references department(id),
      position_id integer not null references staff_position(id),
      rank_id integer not null references staff_rank(id),
      hire_date date not null,
      leave_date date,
      -- personal data as for residents: AES-GCM cipher, HMAC lookup hash, masked copy for lists
      id_number_cipher bytea,
      id_number_hash bytea unique,
      id_number_masked text,
      phone_cipher bytea,
      phone_masked text,
      -- the sign-in account of the person, where they have one
      user_id bigint unique references app_user(id) on delete set null,
      district_code text not null,
      -- optimistic lock: an edit names the version it read
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (leave_date is null or leave_date >= hire_date),
      check ((id_number_cipher is null) = (id_number_hash is null))
    )`.execute(db);
  await sql`create index staff_department_idx on staff (department_id, id)`.execute(db);
  await sql`create index staff_name_idx on staff (name text_pattern_ops)`.execute(db);

  await sql`
    create table staff_photo (
      staff_id bigint primary key references staff(id) on delete cascade,
      mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
      content bytea not null,
      byte_size integer not null check (byte_size between 1 and 3145728),
      updated_at timestamptz not null default now()
    )`.execute(db);

  // The effective-dated history of department, position and rank (the staff detail's 履历).
  await sql`
    create table staff_job (
      id bigint generated always as identity primary key,
      staff_id bigint not null references staff(id) on delete cascade,
      department_id integer not null references department(id),
      position_id integer not null references staff_position(id),
      rank_id integer not null references staff_rank(id),
      valid_from date not null,
      valid_to date,
      -- why the row began: hire | transfer | promotion | correction | import
      reason text not null check (reason in ('hire', 'transfer', 'promotion', 'correction', 'import')),
      note text,
      check (valid_to is null or valid_to > valid_from),
      exclude using gist (staff_id with =, daterange(valid_from, valid_to, '[)') with &&)
    )`.execute(db);
  await sql`create index staff_job_department_idx on staff_job (department_id)`.execute(db);

  // Grid posts: who holds which grid in which role, effective-dated. A basic grid has one 专职网格员 at a time.
  await sql`
    create table grid_post (
      id bigint generated always as identity primary key,
      staff_id bigint not null references staff(id) on delete cascade,
      region_id integer not null references region(id) on delete cascade,
      grid_role text not null check (grid_role in ('grid_head', 'full_time', 'part_time')),
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to > valid_from),
      exclude using gist (staff_id with =, region_id with =, daterange(valid_from, valid_to, '[)') with &&),
      constraint grid_post_one_full_time exclude using gist (region_id with =, daterange(valid_from, valid_to, '[)') with &&)
        where (grid_role = 'full_time')
    )`.execute(db);
  await sql`create index grid_post_staff_idx on grid_post (staff_id)`.execute(db);
  await sql`create index grid_post_open_idx on grid_post (region_id) where valid_to is null`.execute(db);

  // Reads of staff personal data are logged like residents' (field id_number | phone | name | detail | list …).
  await sql`alter table pii_access_log add column staff_id bigint`.execute(db);
  await sql`create index pii_access_log_staff_idx on pii_access_log (staff_id, at desc) where staff_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index pii_access_log_staff_idx`.execute(db);
  await sql`alter table pii_access_log drop column staff_id`.execute(db);
  for (const table of ["grid_post", "staff_job", "staff_photo", "staff", "staff_rank", "staff_position", "department"]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
