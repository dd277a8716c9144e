import "server-only";
import type { Database } from "../../db/client";
import { runCaseClockPass, tryLockClock, type ClockPassResult, type ClockTexts } from "../../db/queries/case-clock";
import { cases } from "../i18n/zh-CN/case";
import { caseClock } from "../i18n/zh-CN/case-clock";
import { caseLoop } from "../i18n/zh-CN/case-loop";

export type CaseClockRun = ClockPassResult & { skipped: boolean; ms: number };

/**
 * The clock's texts as SQL templates: the same functions the generator calls, with {placeholders} where the
 * pass fills in each case's number, stage, deadline and levels.
 */
export function clockTexts(): ClockTexts {
  return {
    actorName: caseLoop.system.clockActor,
    reminder: caseClock.reminderNotice("{number}", "{stage}", "{deadline}"),
    redWarning: caseClock.redWarningNotice("{number}", "{stage}", "{level}"),
    redWarningEscalated: caseClock.redWarningEscalatedNotice("{number}", "{stage}", "{from}", "{to}"),
    escalated: caseLoop.system.escalatedNotice("{number}", "{from}", "{to}"),
    escalateNote: caseClock.autoEscalateNote("{stage}", "{deadline}", "{from}", "{to}"),
    stageLabels: { ...cases.stages },
    levelLabels: { ...caseLoop.levelLabels },
  };
}

const NOTHING: ClockPassResult = {
  updated: 0,
  lights: 0,
  toYellow: 0,
  toRed: 0,
  toGreen: 0,
  reminders: 0,
  redWarnings: 0,
  escalations: 0,
};

/**
 * One pass of the case clock at `now` (the worker passes the current instant, tests a fixed one): lights,
 * reminders, red warnings and automatic escalation for every open case in one transaction; see
 * db/queries/case-clock.ts for the rules. A pass that finds another still running skips (the next minute's
 * pass catches up: every rule compares with `now`, none counts ticks). Runs as the owner (the worker), so
 * row-level security does not narrow it.
 */
export async function runCaseClock(db: Database, now: Date): Promise<CaseClockRun> {
  const started = performance.now();
  return db.transaction().execute(async (trx) => {
    if (!(await tryLockClock(trx))) return { ...NOTHING, skipped: true, ms: Math.round(performance.now() - started) };
    const result = await runCaseClockPass(trx, { now, texts: clockTexts() });
    return { ...result, skipped: false, ms: Math.round(performance.now() - started) };
  });
}
