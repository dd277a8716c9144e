/**
 * The demo cases (issue 4, "Demo data"): about one year of cases up to `now` — ~1.26 per household, so
 * ~1,000,000 for Tongzhou at full scale, ~100,000 at medium, a few thousand at small — with hotspots,
 * seasons, weekdays and hours, the category mix, sources, units, states, ratings, timelines and notices
 * (cases-compose.ts, cases-lifecycle.ts). Replaces every case of the database (TRUNCATE … CASCADE of the
 * case tables; the district, its people and the rule tables stay).
 *
 * Loading: grid by grid into three COPY streams (cases, timeline rows, notices) with the tables' secondary
 * indexes and keys dropped and rebuilt after (load-mode.ts); then the heat bins in one INSERT … SELECT …
 * GROUP BY (the definition of tiles/case-heat-bins.ts; every generated row is written heat_binned = true
 * in the same run instead of updating a million rows afterwards) and the map's per-cell totals rebuilt from
 * them, the sequences, a version bump of the case layers and ANALYZE.
 */
import type { Connection } from "../client";
import { bumpLayerVersions } from "../queries/layer-version";
import { rebuildCaseHeatTotal } from "../../tiles/case-heat-bins";
import { refreshCaseMapOpen } from "../../tiles/case-map-open";
import { createBulkProtector } from "../../lib/pii/protect";
import { caseClock } from "../../lib/i18n/zh-CN/case-clock";
import { cases as caseTexts } from "../../lib/i18n/zh-CN/case";
import { caseLoop } from "../../lib/i18n/zh-CN/case-loop";
import { riskNoticeMessage } from "../../lib/case/risk";
import { createCaseComposer, planGridVolumes } from "./cases-compose";
import { readCaseSeedContext, type CaseSeedContext } from "./cases-context";
import { formatLocalMinute, type LifecycleRules, type SimNotice } from "./cases-lifecycle";
import {
  CASE_EVENT_COLUMNS,
  CASE_NOTICE_COLUMNS,
  CASE_RECORD_COLUMNS,
  caseEventLine,
  caseNoticeLine,
  caseRecordLine,
} from "./cases-rows";
import { yearWindow } from "./cases-rhythm";
import { copyInto, type RowWriter } from "./copy";
import { dropForLoad, restoreAfterLoad } from "./load-mode";
import { rngFor } from "./random";

export type CaseSeedOptions = {
  seed: number;
  /** The end of the generated year (default: the start of the current minute). */
  now?: Date;
  /** Multiplier on the yearly volume per household (default 1). */
  factor?: number;
  /** Days of history (default 365). */
  days?: number;
};

export type CaseSeedReport = {
  cases: number;
  events: number;
  notices: number;
  heatBins: number;
  byState: Record<string, number>;
  open: number;
  red: number;
  phases: { name: string; ms: number }[];
  totalMs: number;
};

const CASE_TABLES = ["case_record", "case_event", "case_notice"];
/** The tile layers drawn from cases. */
export const CASE_LAYERS = ["case", "case_heat"];

/** Replaces all cases with a generated year; see the header comment. Needs a pool of at least 3 connections. */
export async function seedCases(conn: Connection, options: CaseSeedOptions): Promise<CaseSeedReport> {
  const { sql } = conn;
  const started = performance.now();
  let mark = started;
  const phases: { name: string; ms: number }[] = [];
  const phase = (name: string) => {
    const t = performance.now();
    phases.push({ name, ms: Math.round(t - mark) });
    mark = t;
  };
  const now = options.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const ctx = await readCaseSeedContext(conn);
  const volumes = planGridVolumes(ctx, options.factor ?? 1, options.seed, options.days ?? 365);
  const window = yearWindow(now, ctx.calendar, options.days ?? 365);
  const protector = createBulkProtector();
  const compose = createCaseComposer(ctx, { seed: options.seed, window, rules: caseLifecycleRules(ctx, now) }, (phone) =>
    protector.encrypt(phone),
  );
  phase("read district + rules");

  await sql.unsafe(`truncate case_heat_bin, case_notice, case_event, case_photo, case_record restart identity cascade`);
  const saved = await dropForLoad(sql, CASE_TABLES);
  phase("clear + drop indexes");

  const writers: Record<"record" | "event" | "notice", RowWriter> = {
    record: await copyInto(sql, "case_record", [...CASE_RECORD_COLUMNS]),
    event: await copyInto(sql, "case_event", [...CASE_EVENT_COLUMNS]),
    notice: await copyInto(sql, "case_notice", [...CASE_NOTICE_COLUMNS]),
  };
  const byState: Record<string, number> = {};
  let nextId = 1;
  let events = 0;
  let notices = 0;
  let open = 0;
  let red = 0;
  try {
    for (let g = 0; g < ctx.grids.length; g++) {
      const grid = ctx.grids[g];
      const composed = compose(grid, volumes[g], nextId);
      nextId += composed.length;
      const readRng = rngFor(options.seed, grid.code, "notice-read");
      for (const { facts, outcome } of composed) {
        writers.record.row(caseRecordLine(facts, outcome));
        for (const e of outcome.events) writers.event.row(caseEventLine(facts.id, e));
        for (const n of outcome.notices) {
          writers.notice.row(
            caseNoticeLine(
              facts.id,
              facts.regionPath,
              n,
              noticeMessage(n, facts.number),
              readAtOf(n.at, now.getTime(), readRng.next()),
            ),
          );
        }
        events += outcome.events.length;
        notices += outcome.notices.length;
        byState[outcome.state] = (byState[outcome.state] ?? 0) + 1;
        if (outcome.light) open++;
        if (outcome.light === "red") red++;
      }
      await Promise.all([writers.record.flushIfFull(), writers.event.flushIfFull(), writers.notice.flushIfFull()]);
    }
    await Promise.all([writers.record.end(), writers.event.end(), writers.notice.end()]);
  } catch (error) {
    for (const w of Object.values(writers)) w.abort(error as Error);
    throw error;
  }
  phase("generate + COPY");

  await restoreAfterLoad(sql, saved);
  await sql`select setval(pg_get_serial_sequence('case_record', 'id'), ${Math.max(1, nextId - 1)}, ${nextId > 1})`;
  // New numbers continue after the generated ones (the number's sequence part is nextval % 10^7).
  await sql`select setval('case_number_seq', ${Math.max(1, nextId - 1)}, ${nextId > 1})`;
  phase("rebuild indexes + keys");

  const [{ bins }] = await sql<{ bins: number }[]>`
    with binned as (
      insert into case_heat_bin (day, category_id, grid_id, cell_x, cell_y, count)
      select (reported_at at time zone 'Asia/Shanghai')::date, category_id, grid_id,
             floor(st_x(geom_3857) / 250)::int, floor(st_y(geom_3857) / 250)::int, count(*)::int
        from case_record
       group by 1, 2, 3, 4, 5
      returning 1
    ) select count(*)::int as bins from binned`;
  // The map's per-cell totals over all days and categories follow the bins (tiles/case-heat-bins.ts).
  await rebuildCaseHeatTotal(conn.db);
  // The compact copy of open cases the map's low zooms read (kept by a worker job; none runs during a seed).
  await refreshCaseMapOpen(conn.db, { force: true });
  await bumpLayerVersions(conn.db, CASE_LAYERS);
  await sql.unsafe(`analyze case_record, case_event, case_notice, case_heat_bin, case_heat_total`);
  phase("heat bins + layer versions + analyze");

  return {
    cases: nextId - 1,
    events,
    notices,
    heatBins: bins,
    byState,
    open,
    red,
    phases,
    totalMs: Math.round(performance.now() - started),
  };
}

/** The rules every simulated case runs on: the district's configuration as lib/case reads it, and the end of the run. */
export function caseLifecycleRules(ctx: CaseSeedContext, now: Date): LifecycleRules {
  const { calendar, yellowShare, earlyShare, timeLimits, escalation } = ctx;
  return { calendar, yellowShare, earlyShare, timeLimits, escalation, now };
}

/** The notice's words, as the verbs and the clock write them. */
function noticeMessage(n: SimNotice, number: string): string {
  const stage = n.stage ? caseTexts.stages[n.stage] : "";
  switch (n.kind) {
    case "reminder":
      return caseClock.reminderNotice(number, stage, formatLocalMinute(n.deadline!));
    case "red_warning":
      return n.escalatedFrom
        ? caseClock.redWarningEscalatedNotice(
            number,
            stage,
            caseLoop.levelLabels[n.escalatedFrom],
            caseLoop.levelLabels[n.caseLevel],
          )
        : caseClock.redWarningNotice(number, stage, caseLoop.levelLabels[n.caseLevel]);
    case "escalated":
      return caseLoop.system.escalatedNotice(
        number,
        caseLoop.levelLabels[n.escalatedFrom ?? n.caseLevel],
        caseLoop.levelLabels[n.level],
      );
    case "supervision":
      return caseLoop.system.supervisionNotice(number);
    case "assigned":
      return caseLoop.system.assignedNotice(number);
    case "major_risk":
    case "risk_warning":
    case "risk_info":
      return riskNoticeMessage(n.kind, number);
  }
}

/** Older notices have mostly been read (within hours); the last day's are mostly waiting. */
function readAtOf(at: number, now: number, x: number): number | null {
  const age = now - at;
  if (age < 3_600_000 || x < (age < 86_400_000 ? 0.7 : 0.15)) return null;
  return Math.min(now, at + Math.round(600_000 + x * 0.5 * Math.min(age, 86_400_000)));
}

export function formatCaseSeedReport(r: CaseSeedReport): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const copy = r.phases.find((p) => p.name === "generate + COPY")?.ms ?? 0;
  return [
    "Cases:",
    `  case_record   ${n(r.cases).padStart(10)}   (open ${n(r.open)}, red ${n(r.red)})`,
    `  case_event    ${n(r.events).padStart(10)}`,
    `  case_notice   ${n(r.notices).padStart(10)}`,
    `  case_heat_bin ${n(r.heatBins).padStart(10)}`,
    `  states: ${Object.entries(r.byState)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(", ")}`,
    ...r.phases.map((p) => `  ${p.name.padEnd(42)} ${s(p.ms).padStart(8)}`),
    `  ${"total".padEnd(42)} ${s(r.totalMs).padStart(8)}`,
    copy > 0
      ? `  rows/s (generate + COPY, all three tables): ${n(Math.round(((r.cases + r.events + r.notices) * 1000) / copy))}; cases/s overall: ${n(Math.round((r.cases * 1000) / r.totalMs))}`
      : "",
  ].join("\n");
}
