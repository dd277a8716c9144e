import { sql } from "kysely";
import type { Database } from "../client";
import { layerVersionBumpSql } from "./layer-version";

/**
 * One pass of the case clock (时限监控) over every open, timed case, as ONE set-based statement (no loop per
 * case): lights, reminders before the deadline (临期提醒), red warnings to the supervising level (红灯预警)
 * and automatic escalation one level up (escalation_rule), with their timeline rows, notices and the map
 * layer's version bump. The stage clock stores its instants on the case (yellow_at, deadline_at), so the pass
 * only compares `now` with two columns.
 *
 * Rules (the verbs rely on them):
 * - Open states: reported, filed, dispatched, acknowledged, returned, handled, reported_back, verifying, with a
 *   stage; suspended, closed, evaluated and cancelled have no light and are never touched.
 * - light = red when now > deadline_at, yellow when now >= yellow_at, else green; only rows whose light changes
 *   are written (light_changed_at = now). A light change alone does not bump `version` or `updated_at`:
 *   people acting on the case must not get a conflict because the clock ticked.
 * - Reminder: yellow or red and reminded_for_deadline distinct from deadline_at → a 'reminder' notice to the
 *   lead unit at the case's level (no lead unit: to the level's office, unit_id null); once per deadline.
 * - Red: now > deadline_at and escalated_for_deadline distinct from deadline_at → a 'red_warning' notice at the
 *   notify_level of the case's level's rule; and when that rule has auto_on_red and the level is below the
 *   district: the level rises one step, version + 1, updated_at, an 'auto_escalate' timeline row (actor: the
 *   clock, from/to state the same) and an 'escalated' notice at the new level. Once per deadline either way;
 *   the stage clock itself is unchanged.
 * - Notices carry the case's region_path and a message naming the case number (templates from
 *   lib/i18n/zh-CN/case-clock.ts, filled in here).
 * - Anything written → the 'case' tile layer's version moves, so map tiles refresh.
 *
 * Cost: the open cases are read once (the clock's partial index); the rows to write are kept with their
 * physical address (ctid) and updated through it, so the table is not read a second time to find them. Light
 * and bookkeeping are in no index, so most of those writes are in-place (HOT) updates (see migration
 * 20261125T0950-case-clock and bench/clock.ts).
 *
 * Concurrency: a row a transition changed after the pass read it has a new version at another ctid; READ
 * COMMITTED re-checks the UPDATE's conditions on that version, the ctid no longer matches, and the row is left
 * for the next pass (a minute later) instead of getting a light, a reminder or an escalation computed from
 * its old stage. State, stage, level and deadline are re-checked too. Notices and timeline rows come from the
 * rows actually updated (RETURNING). Two passes at once are kept apart by the caller's advisory lock.
 */

/** The states whose stage clock runs (lib/case/stage-clock.ts stageOfState). */
export const CLOCK_STATES = [
  "reported",
  "filed",
  "dispatched",
  "acknowledged",
  "returned",
  "handled",
  "reported_back",
  "verifying",
] as const;

/** Message templates with {number} {stage} {deadline} {level} {from} {to}; labels by code. */
export type ClockTexts = {
  actorName: string;
  reminder: string;
  /** The red warning of a case that stays at its level ({level}). */
  redWarning: string;
  /** The red warning of a case the same pass escalates ({from} → {to}): one story with the escalated notice. */
  redWarningEscalated: string;
  escalated: string;
  escalateNote: string;
  stageLabels: Record<string, string>;
  levelLabels: Record<string, string>;
};

export type ClockPassResult = {
  /** Rows the pass wrote. */
  updated: number;
  /** Rows whose light changed, and to which light. */
  lights: number;
  toYellow: number;
  toRed: number;
  toGreen: number;
  reminders: number;
  redWarnings: number;
  escalations: number;
};

/** How a deadline reads in a message: local time to the minute. */
const LOCAL_MINUTE = "YYYY-MM-DD HH24:MI";

export async function runCaseClockPass(db: Database, args: { now: Date; texts: ClockTexts }): Promise<ClockPassResult> {
  const { rows } = await clockPassQuery(args).execute(db);
  const { bumped: _bumped, ...result } = rows[0];
  void _bumped;
  return result;
}

/** The pass as one statement (exported so the benchmark can EXPLAIN it). */
export function clockPassQuery(args: { now: Date; texts: ClockTexts }) {
  const { now, texts } = args;
  const open = sql.join(CLOCK_STATES.map((s) => sql.lit(s)));
  const stageLabels = JSON.stringify(texts.stageLabels);
  const levelLabels = JSON.stringify(texts.levelLabels);
  return sql<ClockPassResult & { bumped: number }>`
    with due as (
      select c.ctid as row_ctid, c.id, c.number, c.state, c.stage, c.level, c.region_path, c.lead_unit_id, c.deadline_at, c.light as old_light,
             case when ${now}::timestamptz > c.deadline_at then 'red'
                  when ${now}::timestamptz >= coalesce(c.yellow_at, c.deadline_at) then 'yellow'
                  else 'green' end as new_light,
             ${now}::timestamptz >= coalesce(c.yellow_at, c.deadline_at) and c.reminded_for_deadline is distinct from c.deadline_at as remind,
             ${now}::timestamptz > c.deadline_at and c.escalated_for_deadline is distinct from c.deadline_at as red_due
        from case_record c
       where c.state in (${open}) and c.stage is not null and c.deadline_at is not null
    ), changed as materialized (
      select d.*, coalesce(r.notify_level, d.level) as notify_level,
             d.red_due and coalesce(r.auto_on_red, false) and d.level <> 'district' as escalate,
             case d.level when 'grid' then 'community' when 'community' then 'street' else 'district' end as next_level
        from due d
        left join escalation_rule r on r.level = d.level
       where d.new_light is distinct from d.old_light or d.remind or d.red_due
    ), upd as (
      update case_record c
         set light = ch.new_light,
             light_changed_at = case when c.light is distinct from ch.new_light then ${now}::timestamptz else c.light_changed_at end,
             reminded_for_deadline = case when ch.remind then c.deadline_at else c.reminded_for_deadline end,
             escalated_for_deadline = case when ch.red_due then c.deadline_at else c.escalated_for_deadline end,
             level = case when ch.escalate then ch.next_level else c.level end,
             version = c.version + case when ch.escalate then 1 else 0 end,
             updated_at = case when ch.escalate then ${now}::timestamptz else c.updated_at end
        from changed ch
       where c.ctid = ch.row_ctid and c.id = ch.id
         and c.state in (${open}) and c.stage = ch.stage and c.level = ch.level and c.deadline_at = ch.deadline_at
      returning c.id, ch.number, c.state, ch.stage, ch.level as from_level, c.level as to_level, c.region_path, ch.lead_unit_id,
                ch.deadline_at, ch.old_light, ch.new_light, ch.remind, ch.red_due, ch.escalate, ch.notify_level,
                to_char(ch.deadline_at at time zone 'Asia/Shanghai', ${LOCAL_MINUTE}) as deadline_text,
                coalesce(${stageLabels}::text::jsonb ->> ch.stage, ch.stage) as stage_text,
                coalesce(${levelLabels}::text::jsonb ->> ch.level, ch.level) as from_text,
                coalesce(${levelLabels}::text::jsonb ->> c.level, c.level) as to_text
    ), events as (
      insert into case_event (case_id, at, actor_user_id, actor_name, actor_unit_id, action, from_state, to_state, from_level, to_level, note, details)
      select u.id, ${now}::timestamptz, null, ${texts.actorName}, null, 'auto_escalate', u.state, u.state, u.from_level, u.to_level,
             replace(replace(replace(replace(${texts.escalateNote}::text, '{stage}', u.stage_text), '{deadline}', u.deadline_text), '{from}', u.from_text), '{to}', u.to_text),
             jsonb_build_object('deadlineAt', u.deadline_at, 'stage', u.stage)
        from upd u where u.escalate
      returning 1
    ), notices as (
      insert into case_notice (case_id, kind, level, region_path, unit_id, message, created_at)
      select u.id, 'reminder', u.from_level, u.region_path, u.lead_unit_id,
             replace(replace(replace(${texts.reminder}::text, '{number}', u.number), '{stage}', u.stage_text), '{deadline}', u.deadline_text), ${now}::timestamptz
        from upd u where u.remind
      union all
      select u.id, 'red_warning', u.notify_level, u.region_path, null,
             case when u.escalate
                  then replace(replace(replace(replace(${texts.redWarningEscalated}::text, '{number}', u.number), '{stage}', u.stage_text), '{from}', u.from_text), '{to}', u.to_text)
                  else replace(replace(replace(${texts.redWarning}::text, '{number}', u.number), '{stage}', u.stage_text), '{level}', u.from_text) end,
             ${now}::timestamptz
        from upd u where u.red_due
      union all
      select u.id, 'escalated', u.to_level, u.region_path, null,
             replace(replace(replace(${texts.escalated}::text, '{number}', u.number), '{from}', u.from_text), '{to}', u.to_text), ${now}::timestamptz
        from upd u where u.escalate
      returning kind
    ), bump as (
      ${layerVersionBumpSql(sql`select 'case'::text where exists (select 1 from upd)`)}
      returning 1
    )
    select (select count(*) from upd)::int as updated,
           (select count(*) from upd where old_light is distinct from new_light)::int as lights,
           (select count(*) from upd where old_light is distinct from new_light and new_light = 'yellow')::int as "toYellow",
           (select count(*) from upd where old_light is distinct from new_light and new_light = 'red')::int as "toRed",
           (select count(*) from upd where old_light is distinct from new_light and new_light = 'green')::int as "toGreen",
           (select count(*) from notices where kind = 'reminder')::int as reminders,
           (select count(*) from notices where kind = 'red_warning')::int as "redWarnings",
           (select count(*) from events)::int as escalations,
           (select count(*) from bump)::int as bumped`;
}

/**
 * The floor of a pass in the same run (bench/clock.ts): the bare read that finds the rows a pass would write.
 */
export async function countClockCandidates(db: Database, now: Date): Promise<number> {
  const open = sql.join(CLOCK_STATES.map((s) => sql.lit(s)));
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n
      from case_record c
     where c.state in (${open}) and c.stage is not null and c.deadline_at is not null
       and ((case when ${now}::timestamptz > c.deadline_at then 'red'
                  when ${now}::timestamptz >= coalesce(c.yellow_at, c.deadline_at) then 'yellow'
                  else 'green' end) is distinct from c.light
            or (${now}::timestamptz >= coalesce(c.yellow_at, c.deadline_at) and c.reminded_for_deadline is distinct from c.deadline_at)
            or (${now}::timestamptz > c.deadline_at and c.escalated_for_deadline is distinct from c.deadline_at))`.execute(db);
  return rows[0].n;
}

/** Takes the clock's transaction-level advisory lock; false when another pass holds it. */
export async function tryLockClock(db: Database): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtext('gridatlas.case-clock')) as ok`.execute(
    db,
  );
  return rows[0].ok;
}
