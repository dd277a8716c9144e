import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "./20261124T0900-access";
import { CASE_CATEGORY_ROWS } from "./data/case-categories";
import { CALENDAR_DAY_ROWS_2026 } from "./data/calendar-days-2026";
import { TIME_LIMIT_ROWS } from "./data/time-limits";

/**
 * Cases (事件/工单): the case record with its point, basic grid and area path; its timeline (one row per
 * transition, written in the same transaction); photos; notices to supervising levels (红灯预警, 重大风险,
 * reminders); heat bins kept by the worker; and the configuration tables the rules read — the category
 * tree, handling units, routing rules, time limits, the working-day calendar, escalation rules and settings.
 *
 * Lights are set-based: each open case stores the instants its current stage turns yellow and red
 * (computed from the working calendar when the stage starts), so the clock pass is one UPDATE comparing
 * now() with two columns instead of a calendar walk per case.
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
  await sql`
    create table case_category (
      id integer generated always as identity primary key,
      code text not null unique check (code ~ '^[a-z0-9_.]{2,40}$'),
      parent_id integer references case_category(id) on delete restrict,
      name text not null,
      -- dispute (矛盾纠纷) | hazard (问题隐患) | component (部件) | event (事件) | hotline (12345 诉求)
      grp text not null check (grp in ('dispute', 'hazard', 'component', 'event', 'hotline')),
      -- service (服务类) | management (管理类) | enforcement (执法类)
      kind text not null check (kind in ('service', 'management', 'enforcement')),
      -- the ladder level whose office accepts a new case of this category
      default_level text not null default 'community' check (default_level in ('grid', 'community', 'street', 'district')),
      default_urgency text not null default 'general' check (default_urgency in ('emergency', 'urgent', 'general', 'complex')),
      -- disputes and hazards carry an LEC risk assessment
      risk_assessed boolean not null default false,
      sort integer not null default 0,
      active boolean not null default true
    )`.execute(db);
  for (const row of CASE_CATEGORY_ROWS) {
    await sql`
      insert into case_category (code, parent_id, name, grp, kind, default_level, default_urgency, risk_assessed, sort)
      values (${row.code}, (select id from case_category where code = ${row.parent ?? ""}), ${row.name}, ${row.grp}, ${row.kind},
              ${row.defaultLevel}, ${row.defaultUrgency}, ${row.riskAssessed}, ${row.sort})`.execute(db);
  }

  // Units that handle cases: functional departments (职能部门) and the offices of the ladder.
  await sql`
    create table case_unit (
      id integer generated always as identity primary key,
      code text not null unique,
      name text not null,
      -- department | street_office | community_station | grid_station
      kind text not null check (kind in ('department', 'street_office', 'community_station', 'grid_station')),
      -- the area the unit serves (a department: the district)
      region_id integer not null references region(id) on delete cascade,
      active boolean not null default true
    )`.execute(db);
  // The units an account acts for (a department handler acts for its department). A table of its own, not a
  // column of app_user: reseeding the district truncates units with CASCADE, which must not reach accounts.
  await sql`
    create table case_unit_member (
      user_id bigint not null references app_user(id) on delete cascade,
      unit_id integer not null references case_unit(id) on delete cascade,
      primary key (user_id, unit_id)
    )`.execute(db);

  await sql`
    create table routing_rule (
      id integer generated always as identity primary key,
      category_id integer not null references case_category(id) on delete cascade,
      -- applies to cases inside this region's subtree; the deepest matching region wins
      region_id integer not null references region(id) on delete cascade,
      lead_unit_id integer not null references case_unit(id) on delete cascade,
      co_unit_ids integer[] not null default '{}',
      -- dispatch by itself when the case is filed; otherwise the rule only proposes the units
      auto_dispatch boolean not null default true,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      unique (category_id, region_id)
    )`.execute(db);

  await sql`
    create table time_limit_rule (
      id integer generated always as identity primary key,
      -- null = every category / every level; the most specific row wins
      category_id integer references case_category(id) on delete cascade,
      urgency text not null check (urgency in ('emergency', 'urgent', 'general', 'complex')),
      level text check (level in ('grid', 'community', 'street', 'district')),
      stage text not null check (stage in ('accept', 'dispatch', 'handle', 'verify')),
      amount integer not null check (amount > 0 and amount <= 100000),
      unit text not null check (unit in ('natural_minutes', 'natural_hours', 'working_minutes', 'working_hours', 'working_days')),
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      unique nulls not distinct (category_id, urgency, level, stage)
    )`.execute(db);
  for (const { urgency, stage, amount, unit } of TIME_LIMIT_ROWS) {
    await sql`insert into time_limit_rule (urgency, stage, amount, unit) values (${urgency}, ${stage}, ${amount}, ${unit})`.execute(
      db,
    );
  }

  // The working-day calendar: statutory holidays and swapped working days (调休上班); weekends are implicit.
  await sql`
    create table calendar_day (
      day date primary key,
      kind text not null check (kind in ('holiday', 'workday')),
      name text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  for (const d of CALENDAR_DAY_ROWS_2026) {
    await sql`insert into calendar_day (day, kind, name) values (${d.date}::date, ${d.kind}, ${d.name})`.execute(db);
  }

  // 小问题不出网格、一般问题不出社区、突出问题不出镇街、老大难问题及时报区: what happens when a level's case turns red.
  await sql`
    create table escalation_rule (
      level text primary key check (level in ('grid', 'community', 'street', 'district')),
      -- rise one level automatically when the case turns red at this level
      auto_on_red boolean not null,
      -- the level whose screen gets the red warning (红灯预警)
      notify_level text not null check (notify_level in ('grid', 'community', 'street', 'district')),
      motto text not null,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    insert into escalation_rule (level, auto_on_red, notify_level, motto) values
      ('grid', true, 'community', '小问题不出网格'),
      ('community', true, 'street', '一般问题不出社区'),
      ('street', true, 'district', '突出问题不出镇街'),
      ('district', false, 'district', '老大难问题及时报区')`.execute(db);

  // Settings the rules read (configurable numbers of DOMAIN.md), one JSON value per key.
  await sql`
    create table case_setting (
      key text primary key,
      value jsonb not null,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    insert into case_setting (key, value) values
      ('working_hours', '[[540, 1020]]'),
      ('yellow_share', '0.8'),
      ('early_share', '0.5'),
      ('reminder_share', '0.8'),
      ('risk_bands', '{"importantFrom": 70, "majorFrom": 160}'),
      ('duplicate_window', '{"meters": 150, "hours": 72}'),
      ('rates', '{"responseStates": ["filed", "dispatched", "acknowledged", "returned", "handled", "reported_back", "verifying", "closed", "evaluated", "suspended"], "resolvedStates": ["closed", "evaluated"], "satisfiedLevels": ["very_satisfied", "satisfied", "fairly_satisfied"], "ratedLevels": ["very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied", "very_dissatisfied"]}')`.execute(
    db,
  );

  await sql`create sequence case_number_seq`.execute(db);
  await sql`
    create table case_record (
      id bigint generated always as identity primary key,
      -- SJ + local date + 7-digit sequence, e.g. SJ202611230000042
      number text not null unique default ('SJ' || to_char(now() at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad((nextval('case_number_seq') % 10000000)::text, 7, '0')),
      district_code text not null,
      -- grid_worker | hotline | resident | department | visit | video
      source text not null check (source in ('grid_worker', 'hotline', 'resident', 'department', 'visit', 'video')),
      -- phone | console | import | open311 | generator
      channel text not null default 'console' check (channel in ('phone', 'console', 'import', 'open311', 'generator')),
      kind text not null check (kind in ('service', 'management', 'enforcement')),
      category_id integer not null references case_category(id),
      description text not null check (length(description) between 1 and 4000),
      address text,
      geom geometry(Point, 4326) not null,
      geom_3857 geometry(Point, 3857) generated always as (st_transform(geom, 3857)) stored,
      -- the basic grid found by point-in-polygon and its path (every parent is a prefix of it)
      grid_id integer not null references region(id) on delete cascade,
      region_path ltree not null,
      reporter_user_id bigint references app_user(id) on delete set null,
      reporter_name text,
      reporter_phone_cipher bytea,
      reporter_phone_masked text,
      -- the order number of an outside system (12345), unique per system: re-imports update, never duplicate
      external_system text,
      external_id text,
      -- a client-generated id of the report: a retried or double-clicked report is stored once
      client_request_id uuid unique,
      urgency text not null check (urgency in ('emergency', 'urgent', 'general', 'complex')),
      level text not null check (level in ('grid', 'community', 'street', 'district')),
      state text not null check (state in ('reported', 'filed', 'cancelled', 'dispatched', 'acknowledged', 'returned', 'handled', 'reported_back', 'verifying', 'closed', 'evaluated', 'suspended')),
      version integer not null default 1,
      lead_unit_id integer references case_unit(id) on delete set null,
      co_unit_ids integer[] not null default '{}',
      handled_by_unit_id integer references case_unit(id) on delete set null,
      extension_pending boolean not null default false,
      extension_count smallint not null default 0,
      -- the clock of the current stage (null when nothing is timed: suspended, closed, terminal)
      stage text check (stage in ('accept', 'dispatch', 'handle', 'verify')),
      stage_started_at timestamptz,
      yellow_at timestamptz,
      deadline_at timestamptz,
      light text check (light in ('green', 'yellow', 'red')),
      light_changed_at timestamptz,
      -- the handling stage's window, kept for timeliness (early / on time / overdue) at the close
      handle_started_at timestamptz,
      handle_deadline_at timestamptz,
      -- bookkeeping of the clock: the deadline already escalated / reminded for (each happens once per deadline)
      escalated_for_deadline timestamptz,
      reminded_for_deadline timestamptz,
      reported_at timestamptz not null default now(),
      filed_at timestamptz,
      dispatched_at timestamptz,
      handled_at timestamptz,
      closed_at timestamptz,
      evaluated_at timestamptz,
      updated_at timestamptz not null default now(),
      discovery_stars smallint check (discovery_stars between 1 and 5),
      disposal_stars smallint check (disposal_stars between 1 and 5),
      satisfaction text,
      timeliness text check (timeliness in ('overdue', 'on_time', 'early')),
      risk_l numeric,
      risk_e numeric,
      risk_c numeric,
      risk_value numeric,
      risk_grade text check (risk_grade in ('general', 'important', 'major')),
      reopen_count smallint not null default 0,
      supervision_count smallint not null default 0,
      merged_into_id bigint references case_record(id) on delete set null,
      -- the heat worker has counted this case in case_heat_bin
      heat_binned boolean not null default false,
      unique (external_system, external_id)
    )`.execute(db);
  const openList = sql.join(OPEN_STATES.map((s) => sql.lit(s)));
  await sql`create index case_record_geom_3857_idx on case_record using gist (geom_3857)`.execute(db);
  await sql`create index case_record_path_idx on case_record using gist (region_path)`.execute(db);
  await sql`create index case_record_grid_idx on case_record (grid_id)`.execute(db);
  await sql`create index case_record_reported_idx on case_record (reported_at desc, id desc)`.execute(db);
  await sql`create index case_record_category_idx on case_record (category_id, reported_at desc)`.execute(db);
  await sql`create index case_record_lead_unit_idx on case_record (lead_unit_id) where lead_unit_id is not null`.execute(db);
  await sql`create index case_record_reporter_idx on case_record (reporter_user_id, reported_at desc) where reporter_user_id is not null`.execute(
    db,
  );
  // The clock pass reads only open, timed cases.
  await sql`create index case_record_clock_idx on case_record (deadline_at) include (yellow_at, light) where state in (${openList}) and stage is not null`.execute(
    db,
  );
  await sql`create index case_record_unbinned_idx on case_record (id) where not heat_binned`.execute(db);

  await sql`
    create table case_event (
      id bigint generated always as identity primary key,
      case_id bigint not null references case_record(id) on delete cascade,
      at timestamptz not null default now(),
      -- null for the system (the clock, routing, imports)
      actor_user_id bigint,
      actor_name text not null,
      actor_unit_id integer,
      -- report | a CASE_ACTIONS value | auto_dispatch | auto_escalate | merge | import_update
      action text not null,
      from_state text,
      to_state text,
      from_level text,
      to_level text,
      note text,
      details jsonb,
      photo_ids bigint[] not null default '{}',
      -- the client's id of the request: a retried transition is answered with the first result
      request_id uuid,
      unique (case_id, request_id)
    )`.execute(db);
  await sql`create index case_event_case_idx on case_event (case_id, id)`.execute(db);

  await sql`
    create table case_photo (
      id bigint generated always as identity primary key,
      case_id bigint references case_record(id) on delete cascade,
      uploaded_by bigint references app_user(id) on delete set null,
      -- image/jpeg | image/png | image/webp, checked by magic bytes
      mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
      content bytea not null,
      byte_size integer not null check (byte_size between 1 and 3145728),
      width integer not null check (width between 1 and 8000),
      height integer not null check (height between 1 and 8000),
      sha256 bytea not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_photo_case_idx on case_photo (case_id)`.execute(db);

  // Notices to a level's screen: red warnings, major-risk alerts, escalations, reminders, supervision orders.
  await sql`
    create table case_notice (
      id bigint generated always as identity primary key,
      case_id bigint not null references case_record(id) on delete cascade,
      -- red_warning | major_risk | escalated | reminder | supervision | assigned (dispatched to the unit)
      kind text not null check (kind in ('red_warning', 'major_risk', 'escalated', 'reminder', 'supervision', 'assigned')),
      -- the level whose offices see it, inside the case's area
      level text not null check (level in ('grid', 'community', 'street', 'district')),
      region_path ltree not null,
      unit_id integer references case_unit(id) on delete cascade,
      message text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      read_by bigint
    )`.execute(db);
  await sql`create index case_notice_open_idx on case_notice using gist (region_path) where read_at is null`.execute(db);
  await sql`create index case_notice_case_idx on case_notice (case_id)`.execute(db);

  // Heat bins: cases per 3857 cell (250 m) × local day × category × basic grid, kept incrementally.
  await sql`
    create table case_heat_bin (
      day date not null,
      category_id integer not null references case_category(id) on delete cascade,
      grid_id integer not null references region(id) on delete cascade,
      cell_x integer not null,
      cell_y integer not null,
      count integer not null check (count >= 0),
      primary key (day, category_id, grid_id, cell_x, cell_y)
    )`.execute(db);

  // Cases follow the same area rule as residents: only rows inside the caller's scope exist for the app.
  await sql`alter table case_record enable row level security`.execute(db);
  await sql`
    create policy case_record_in_scope on case_record
      using (grid_id in (select g.id from region g where g.path <@ gridatlas_scope()))`.execute(db);

  for (const table of [
    "case_category",
    "case_unit",
    "case_unit_member",
    "routing_rule",
    "time_limit_rule",
    "calendar_day",
    "escalation_rule",
    "case_setting",
  ]) {
    await sql`grant select, insert, update, delete on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  }
  for (const table of ["case_record", "case_photo", "case_notice"]) {
    await sql`grant select, insert, update on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  }
  await sql`grant select, insert on case_event to ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`grant select on case_heat_bin to ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`grant usage on sequence case_number_seq to ${sql.raw(APP_ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop policy case_record_in_scope on case_record`.execute(db);
  for (const table of ["case_heat_bin", "case_notice", "case_photo", "case_event", "case_record"])
    await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`drop sequence case_number_seq`.execute(db);
  for (const table of ["case_setting", "escalation_rule", "calendar_day", "time_limit_rule", "routing_rule"])
    await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`drop table case_unit_member`.execute(db);
  await sql`drop table case_unit`.execute(db);
  await sql`drop table case_category`.execute(db);
}
