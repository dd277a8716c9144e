import { sql, type Kysely } from "kysely";

/**
 * What the second pass over the three rates and the risk rules needs on the case (issue 10):
 * - resolution: the return visit's answer to "问题是否解决" (resolved / unresolved / no_opinion), the
 *   numerator and denominator of 解决率;
 * - acknowledge_deadline_at / acknowledged_at: the acknowledgement (签收) limit fixed at the dispatch and the
 *   instant the unit acknowledged, for 响应率 (acknowledged within the limit ÷ orders due). Cases dispatched
 *   before this migration have no acknowledgement limit and are not counted as due; the instant of an earlier
 *   acknowledgement is taken from the timeline;
 * - emergency_plan: the 应急预案 a 重大 risk requires;
 * - two notice kinds for the warnings of 一般 (risk_info) and 重要 (risk_warning) risks;
 * - the rate formula loses its state list for the response rate (now measured on acknowledgements) and gains
 *   the weight of 基本满意 in 满意率; its list of states counted as 办结 is renamed closedStates (解决率 now
 *   means the return visit's answer, 办结率 is the fourth figure).
 */
const OLD_NOTICE_KINDS = ["red_warning", "major_risk", "escalated", "reminder", "supervision", "assigned"];
const NEW_NOTICE_KINDS = [...OLD_NOTICE_KINDS, "risk_warning", "risk_info"];
const OLD_RESPONSE_STATES = [
  "filed",
  "dispatched",
  "acknowledged",
  "returned",
  "handled",
  "reported_back",
  "verifying",
  "closed",
  "evaluated",
  "suspended",
];

const kindList = (kinds: string[]) => sql.join(kinds.map((k) => sql.lit(k)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table case_record
      add column resolution text check (resolution in ('resolved', 'unresolved', 'no_opinion')),
      add column acknowledge_deadline_at timestamptz,
      add column acknowledged_at timestamptz,
      add column emergency_plan text check (length(emergency_plan) between 1 and 4000)`.execute(db);
  await sql`
    update case_record c
       set acknowledged_at = e.at
      from (select case_id, max(at) as at from case_event where action = 'acknowledge' group by case_id) e
     where e.case_id = c.id`.execute(db);
  await sql`alter table case_notice drop constraint case_notice_kind_check`.execute(db);
  await sql`alter table case_notice add constraint case_notice_kind_check check (kind in (${kindList(NEW_NOTICE_KINDS)}))`.execute(
    db,
  );
  await sql`
    update case_setting
       set value = (value - 'responseStates' - 'resolvedStates')
                   || jsonb_build_object('closedStates', coalesce(value -> 'resolvedStates', '["closed", "evaluated"]'::jsonb), 'fairlyWeight', 0.8)
     where key = 'rates'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update case_setting
       set value = (value - 'fairlyWeight' - 'closedStates')
                   || jsonb_build_object('responseStates', ${JSON.stringify(OLD_RESPONSE_STATES)}::jsonb,
                                         'resolvedStates', coalesce(value -> 'closedStates', '["closed", "evaluated"]'::jsonb))
     where key = 'rates'`.execute(db);
  await sql`delete from case_notice where kind in ('risk_warning', 'risk_info')`.execute(db);
  await sql`alter table case_notice drop constraint case_notice_kind_check`.execute(db);
  await sql`alter table case_notice add constraint case_notice_kind_check check (kind in (${kindList(OLD_NOTICE_KINDS)}))`.execute(
    db,
  );
  await sql`
    alter table case_record
      drop column resolution,
      drop column acknowledge_deadline_at,
      drop column acknowledged_at,
      drop column emergency_plan`.execute(db);
}
