import { sql } from "kysely";
import type { Database } from "../../db/client";
import { CASE_CATEGORY_ROWS } from "../../db/migrations/data/case-categories";
import { forgetCaseConfig } from "../case/case-config";
import { CHINA_CALENDAR_DAYS_2026 } from "../case/holidays-2026";
import { DEFAULT_RATE_FORMULA } from "../case/rates";
import { DEFAULT_EARLY_SHARE } from "../case/ratings";
import { DEFAULT_RISK_BANDS } from "../case/risk";
import { DEFAULT_TIME_LIMITS } from "../case/time-limits";
import { DEFAULT_YELLOW_SHARE } from "../case/traffic-light";
import { DEFAULT_WORKING_HOURS } from "../case/working-calendar";

/**
 * Puts the case configuration tables back as the cases migration shipped them. Reseeding the district does
 * not touch these tables, and the test database is shared by every suite: a test that edits the
 * configuration calls this before (a clean start) and after (the clock and report tests expect the
 * shipped time limits, calendar and shares). Test support only; never called by the product.
 */
export async function resetCaseConfigForTests(owner: Database): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    const settings: Record<string, unknown> = {
      working_hours: DEFAULT_WORKING_HOURS,
      yellow_share: DEFAULT_YELLOW_SHARE,
      early_share: DEFAULT_EARLY_SHARE,
      reminder_share: 0.8,
      risk_bands: DEFAULT_RISK_BANDS,
      duplicate_window: { meters: 150, hours: 72 },
      rates: DEFAULT_RATE_FORMULA,
    };
    for (const [key, value] of Object.entries(settings)) {
      await sql`update case_setting set value = ${JSON.stringify(value)}::text::jsonb, version = 1 where key = ${key}`.execute(
        trx,
      );
    }
    await sql`delete from time_limit_rule`.execute(trx);
    for (const [urgency, stages] of Object.entries(DEFAULT_TIME_LIMITS)) {
      for (const [stage, limit] of Object.entries(stages as Record<string, { amount: number; unit: string }>)) {
        await sql`insert into time_limit_rule (urgency, stage, amount, unit) values (${urgency}, ${stage}, ${limit.amount}, ${limit.unit})`.execute(
          trx,
        );
      }
    }
    await sql`delete from calendar_day`.execute(trx);
    for (const d of CHINA_CALENDAR_DAYS_2026)
      await sql`insert into calendar_day (day, kind, name) values (${d.date}::date, ${d.kind}, ${d.name})`.execute(trx);
    await sql`
      update escalation_rule e set auto_on_red = v.auto, notify_level = v.notify, version = 1
        from (values ('grid', true, 'community'), ('community', true, 'street'), ('street', true, 'district'), ('district', false, 'district')) as v(level, auto, notify)
       where e.level = v.level`.execute(trx);
    for (const c of CASE_CATEGORY_ROWS) {
      await sql`update case_category set name = ${c.name}, default_level = ${c.defaultLevel}, default_urgency = ${c.defaultUrgency}, active = true, version = 1 where code = ${c.code}`.execute(
        trx,
      );
    }
    await sql`update case_unit set active = true`.execute(trx);
  });
  forgetCaseConfig();
}
