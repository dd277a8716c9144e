import { sql, type Kysely } from "kysely";

/**
 * Attendance (DOMAIN.md, Attendance): fences drawn on the map (考勤点), effective-dated shifts and rule sets,
 * punches checked against the fences in PostGIS, patrol tracks, each person's computed day, corrections (补卡)
 * and leave with a lead's decision, and the monthly report HR confirms.
 *
 * The calendar the cases use gains a flag telling statutory holidays (法定节假日, overtime 300 %) from the rest
 * days moved next to them (调休休息日, 200 %).
 */
/**
 * The 2026 days of 全国年节及纪念日放假办法 (as amended 2024: 13 days) — the days that pay 300 %:
 * 元旦 1, 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. The other days of each span are rest days
 * moved next to them (200 %).
 */
const STATUTORY_DAYS_2026 = [
  "2026-01-01",
  "2026-02-16",
  "2026-02-17",
  "2026-02-18",
  "2026-02-19",
  "2026-04-05",
  "2026-05-01",
  "2026-05-02",
  "2026-06-19",
  "2026-09-25",
  "2026-10-01",
  "2026-10-02",
  "2026-10-03",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table calendar_day add column statutory boolean not null default false`.execute(db);
  await sql`alter table calendar_day add constraint calendar_day_statutory_holiday check (not statutory or kind = 'holiday')`.execute(
    db,
  );
  await sql`update calendar_day set statutory = true where day = any(${STATUTORY_DAYS_2026}::date[])`.execute(db);

  // A fence: a polygon, or a circle kept as centre + radius with its polygon beside it for tiles and lists.
  await sql`
    create table attendance_point (
      id bigint generated always as identity primary key,
      name text not null check (length(name) between 1 and 60),
      region_id integer not null references region(id) on delete cascade,
      shape text not null check (shape in ('polygon', 'circle')),
      -- the fence as drawn (polygon) or the circle's polygon approximation (circle), valid, non-empty
      geom geometry(Polygon, 4326) not null check (st_isvalid(geom) and not st_isempty(geom)),
      geom_3857 geometry(Polygon, 3857) generated always as (st_transform(geom, 3857)) stored,
      center geometry(Point, 4326),
      radius_m double precision check (radius_m between 10 and 5000),
      active boolean not null default true,
      created_by bigint references app_user(id) on delete set null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((shape = 'circle') = (center is not null and radius_m is not null))
    )`.execute(db);
  await sql`create index attendance_point_geom_idx on attendance_point using gist (geom)`.execute(db);
  await sql`create index attendance_point_geom_3857_idx on attendance_point using gist (geom_3857)`.execute(db);
  await sql`create index attendance_point_region_idx on attendance_point (region_id)`.execute(db);

  // Whom a fence serves: named people, or whole departments.
  await sql`
    create table attendance_point_member (
      point_id bigint not null references attendance_point(id) on delete cascade,
      staff_id bigint references staff(id) on delete cascade,
      department_id integer references department(id) on delete cascade,
      check ((staff_id is null) <> (department_id is null))
    )`.execute(db);
  await sql`create unique index attendance_point_member_staff_idx on attendance_point_member (point_id, staff_id) where staff_id is not null`.execute(
    db,
  );
  await sql`create unique index attendance_point_member_dept_idx on attendance_point_member (point_id, department_id) where department_id is not null`.execute(
    db,
  );
  await sql`create index attendance_point_member_staff_lookup_idx on attendance_point_member (staff_id)`.execute(db);
  await sql`create index attendance_point_member_dept_lookup_idx on attendance_point_member (department_id)`.execute(db);

  // Shift and rule set, effective-dated, for a department or one person (a person's own set wins).
  await sql`
    create table attendance_rule (
      id bigint generated always as identity primary key,
      name text not null check (length(name) between 1 and 60),
      department_id integer references department(id) on delete cascade,
      staff_id bigint references staff(id) on delete cascade,
      -- minutes after local midnight
      start_minute smallint not null check (start_minute between 0 and 1439),
      end_minute smallint not null check (end_minute between 1 and 1440),
      late_grace_minutes smallint not null default 5 check (late_grace_minutes between 0 and 240),
      early_grace_minutes smallint not null default 5 check (early_grace_minutes between 0 and 240),
      min_work_minutes smallint not null default 480 check (min_work_minutes between 0 and 1440),
      required_patrols smallint not null default 2 check (required_patrols between 0 and 10),
      allow_outside_with_reason boolean not null default true,
      -- a punch whose GPS accuracy is worse than this is refused (retry outdoors)
      max_accuracy_m smallint not null default 200 check (max_accuracy_m between 5 and 5000),
      valid_from date not null,
      valid_to date,
      created_by bigint references app_user(id) on delete set null,
      created_at timestamptz not null default now(),
      check ((department_id is null) <> (staff_id is null)),
      check (end_minute > start_minute),
      check (valid_to is null or valid_to > valid_from),
      exclude using gist (department_id with =, daterange(valid_from, valid_to, '[)') with &&) where (department_id is not null),
      exclude using gist (staff_id with =, daterange(valid_from, valid_to, '[)') with &&) where (staff_id is not null)
    )`.execute(db);

  // A punch as the server decided it. request_id makes a double tap (or a resend from the offline queue) one punch.
  await sql`
    create table attendance_punch (
      id bigint generated always as identity primary key,
      staff_id bigint not null references staff(id) on delete cascade,
      request_id uuid not null unique,
      kind text not null check (kind in ('in', 'out')),
      -- the server's clock decides; the phone's time is kept for offline and skewed punches
      server_at timestamptz not null default now(),
      device_at timestamptz,
      -- the local day the punch belongs to (Beijing time)
      day date not null,
      position geometry(Point, 4326),
      accuracy_m double precision check (accuracy_m >= 0),
      point_id bigint references attendance_point(id) on delete set null,
      distance_m double precision,
      inside boolean not null,
      outside_reason text,
      -- sent later from the phone's offline queue
      offline boolean not null default false,
      -- why a person should look at it: offline | clock_skew | outside
      review_flags text[] not null default '{}',
      photo_mime text check (photo_mime in ('image/jpeg', 'image/png', 'image/webp')),
      photo bytea,
      -- a punch made by an approved correction (补卡) rather than from the phone
      correction_id bigint,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index attendance_punch_staff_day_idx on attendance_punch (staff_id, day)`.execute(db);
  await sql`create index attendance_punch_day_idx on attendance_punch (day)`.execute(db);

  // A patrol: a walk recorded by the phone; its points are kept for the replay.
  await sql`
    create table patrol (
      id bigint generated always as identity primary key,
      staff_id bigint not null references staff(id) on delete cascade,
      region_id integer not null references region(id) on delete cascade,
      day date not null,
      started_at timestamptz not null,
      ended_at timestamptz,
      point_count integer not null default 0,
      -- share of the track inside the worker's grid, 0..1, set when the patrol ends
      inside_share double precision check (inside_share between 0 and 1),
      length_m double precision,
      counted boolean not null default false,
      track geometry(LineString, 4326)
    )`.execute(db);
  await sql`create index patrol_staff_day_idx on patrol (staff_id, day)`.execute(db);
  await sql`
    create table patrol_point (
      patrol_id bigint not null references patrol(id) on delete cascade,
      at timestamptz not null,
      position geometry(Point, 4326) not null,
      accuracy_m double precision,
      primary key (patrol_id, at)
    )`.execute(db);

  // Each person's computed day (the daily job rewrites it; approved corrections and leave recompute it).
  await sql`
    create table attendance_day (
      staff_id bigint not null references staff(id) on delete cascade,
      day date not null,
      -- normal | late | early_leave | late_and_early | absent | missing_punch | outside | leave | rest | holiday
      status text not null,
      first_in timestamptz,
      last_out timestamptz,
      late_minutes integer not null default 0,
      early_minutes integer not null default 0,
      worked_minutes integer not null default 0,
      outside_punches integer not null default 0,
      patrols_done smallint not null default 0,
      patrols_required smallint not null default 0,
      -- overtime minutes by class: work day 150 %, rest day 200 %, statutory holiday 300 %
      overtime_workday_minutes integer not null default 0,
      overtime_restday_minutes integer not null default 0,
      overtime_holiday_minutes integer not null default 0,
      department_id integer references department(id) on delete set null,
      rule_id bigint references attendance_rule(id) on delete set null,
      computed_at timestamptz not null default now(),
      primary key (staff_id, day)
    )`.execute(db);
  await sql`create index attendance_day_day_idx on attendance_day (day)`.execute(db);

  // Corrections (补卡) and leave: asked by the person, decided by a lead.
  await sql`
    create table attendance_request (
      id bigint generated always as identity primary key,
      staff_id bigint not null references staff(id) on delete cascade,
      kind text not null check (kind in ('correction', 'leave')),
      -- correction: the day and the punch asked for; leave: the days [day, until_day]
      day date not null,
      until_day date,
      punch_kind text check (punch_kind in ('in', 'out')),
      punch_at timestamptz,
      -- leave: annual | sick | personal | marriage | maternity | bereavement | other
      leave_type text,
      reason text not null check (length(reason) between 1 and 500),
      state text not null default 'pending' check (state in ('pending', 'approved', 'rejected', 'withdrawn')),
      requested_by bigint references app_user(id) on delete set null,
      requested_at timestamptz not null default now(),
      decided_by bigint references app_user(id) on delete set null,
      decided_at timestamptz,
      decision_note text,
      version integer not null default 1,
      check ((kind = 'correction') = (punch_kind is not null and punch_at is not null)),
      check (until_day is null or until_day >= day)
    )`.execute(db);
  await sql`create index attendance_request_staff_idx on attendance_request (staff_id, day)`.execute(db);
  await sql`create index attendance_request_pending_idx on attendance_request (requested_at) where state = 'pending'`.execute(db);
  await sql`alter table attendance_punch add constraint attendance_punch_correction_fk foreign key (correction_id) references attendance_request(id) on delete set null`.execute(
    db,
  );

  // The monthly report: a version per run; confirming locks it (a later change makes a new version).
  await sql`
    create table attendance_month_report (
      id bigint generated always as identity primary key,
      month date not null check (extract(day from month) = 1),
      version integer not null,
      state text not null default 'draft' check (state in ('draft', 'confirmed', 'superseded')),
      generated_at timestamptz not null default now(),
      generated_by bigint references app_user(id) on delete set null,
      confirmed_at timestamptz,
      confirmed_by bigint references app_user(id) on delete set null,
      unique (month, version)
    )`.execute(db);
  await sql`create unique index attendance_month_report_confirmed_idx on attendance_month_report (month) where state = 'confirmed'`.execute(
    db,
  );
  await sql`
    create table attendance_month_row (
      report_id bigint not null references attendance_month_report(id) on delete cascade,
      staff_id bigint not null references staff(id) on delete cascade,
      department_id integer references department(id) on delete set null,
      work_days smallint not null default 0,
      days_worked smallint not null default 0,
      late_count smallint not null default 0,
      late_minutes integer not null default 0,
      early_count smallint not null default 0,
      early_minutes integer not null default 0,
      absent_days smallint not null default 0,
      missing_punches smallint not null default 0,
      outside_days smallint not null default 0,
      corrections smallint not null default 0,
      leave_days smallint not null default 0,
      overtime_workday_minutes integer not null default 0,
      overtime_restday_minutes integer not null default 0,
      overtime_holiday_minutes integer not null default 0,
      patrols_done smallint not null default 0,
      patrols_required smallint not null default 0,
      primary key (report_id, staff_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "attendance_month_row",
    "attendance_month_report",
    "attendance_punch",
    "attendance_request",
    "attendance_day",
    "patrol_point",
    "patrol",
    "attendance_rule",
    "attendance_point_member",
    "attendance_point",
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`alter table calendar_day drop constraint calendar_day_statutory_holiday`.execute(db);
  await sql`alter table calendar_day drop column statutory`.execute(db);
}
