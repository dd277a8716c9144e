/**
 * The life of one generated case, from its report to the return visit, run step by step through the rules
 * users run: every step is decided by lib/case/case-step.ts (checkTransition, then the effects — stage
 * clocks on the working calendar, units, timeliness and disposal stars, counters — and the routing after
 * filing), on a simulated clock, in memory. What this file adds is the scenario and its rhythm: which path
 * a case takes, who acts and when (each step after a drawn share of its stage's limit, most well inside it,
 * some late). Between steps, whatever the clock worker would have done on the way happens too, by the rules
 * of db/queries/case-clock.ts: lights, reminders, red warnings, automatic escalation one level up once per
 * deadline (escalation_rule); an overdue handling stage often draws a supervision order. The paths the rules
 * allow all occur: extensions asked for in time, report backs that come after the deadline although the
 * disposal was in time, discovery stars from the lead unit, dissatisfied return visits followed by 督办 and
 * 返工; the reporter never acts on its own case (采办分离, 受审分离). The simulation
 * stops at `now`: the case keeps the state, level, stage clock and light it has at that instant, so a clock
 * pass at `now` right after the load finds nothing to do.
 *
 * A step the rules refuse is a bug of the scenario: it throws. Nothing here reads the database or the clock.
 */
import type { CaseSource } from "../../lib/case/case-dto";
import { levelAbove, RETURN_REASONS, type CaseAction, type CaseLevel, type CaseState } from "../../lib/case/case-states";
import {
  caseFactsOf,
  decideCaseStep,
  reportClockOf,
  routingStepOf,
  type CaseStep,
  type CaseStepRow,
  type StepConfig,
  type StepInput,
} from "../../lib/case/case-step";
import { checkTransition, type CaseActorFacts, type CaseGrant, type GrantKind } from "../../lib/case/case-transitions";
import { isDissatisfied, type ResolutionAnswer, type Satisfaction, type Stars, type Timeliness } from "../../lib/case/ratings";
import { RISK_ALERTS, type RiskGrade } from "../../lib/case/risk";
import { resolveLimit, stageOfState, type StageClock } from "../../lib/case/stage-clock";
import { acknowledgeLimitFor, type CaseStage, type CaseUrgency } from "../../lib/case/time-limits";
import type { Light } from "../../lib/case/traffic-light";
import {
  addWorkingMinutes,
  clockOf,
  minutesBetween,
  type TimeLimit,
  type WorkingCalendar,
} from "../../lib/case/working-calendar";
import { cases } from "../../lib/i18n/zh-CN/case";
import { caseClock } from "../../lib/i18n/zh-CN/case-clock";
import { caseLoop } from "../../lib/i18n/zh-CN/case-loop";
import { CANCEL_NOTES, SUSPEND_NOTES } from "./cases-catalog";
import { weightedPicker, type Rng } from "./random";

export type NoticeKind =
  "red_warning" | "escalated" | "reminder" | "supervision" | "assigned" | "major_risk" | "risk_warning" | "risk_info";

export type EscalationRules = ReadonlyMap<CaseLevel, { autoOnRed: boolean; notifyLevel: CaseLevel }>;

/** The rules (the configuration the steps read, the clock's escalation table) and the instant the simulation stops at. */
export type LifecycleRules = StepConfig & { escalation: EscalationRules; now: Date };

/**
 * Who is written on a timeline row. `id` stands for the person's account (the rules compare accounts:
 * 采办分离 refuses the reporter); generated people have none, so the composer gives each one a stable
 * number (personId of its pool and name), and a name alone is taken as the person.
 */
export type Actor = { name: string; unitId: number | null; id?: number };

/** The office roles of a level: 受理员 (operator), 派遣员, 核查员, 督办 (supervisor), 回访员 (visitor: acts as the operator). */
export type OfficeRole = GrantKind | "visitor";

/** One case to simulate: what was reported, and who is around it. */
export type LifecycleInput = {
  reportedAt: Date;
  level: CaseLevel;
  urgency: CaseUrgency;
  source: CaseSource;
  categoryId: number;
  parentCategoryId: number | null;
  /** The routing rule of the category (lead and co-units; auto = dispatched by the system on filing). */
  routing: { leadUnitId: number; coUnitIds: readonly number[]; auto: boolean } | null;
  /** The unit a level's dispatcher sends a case to when no rule applies (or after a send-back). */
  localUnitOf: (level: CaseLevel) => number;
  /** Who files, dispatches, verifies, supervises and visits at a level (the level's office). */
  officeStaff: (level: CaseLevel, role: OfficeRole) => Actor;
  /** A handler of a unit. */
  unitStaff: (unitId: number) => Actor;
  /** The grid workers of the case's grid: they verify on the spot (核查 is grid work, at every level). */
  gridWorkers: readonly Actor[];
  /** Who wrote the report. */
  reporter: Actor;
  /** 回访 staff (the 12345 return-visit team or the level's office). */
  visitor: Actor;
  /** A unit's name (timeline details name the units, as the verbs write them). */
  unitName: (unitId: number) => string;
  /** The handling unit's report back, in words. */
  doneNote: string;
  /**
   * The LEC assessment given with the report (its value and grade go on the report's timeline row). Its
   * grade's alert (lib/case/risk.ts RISK_ALERTS: 一般 info, 重要 warning, 重大 alert) is kept while the case is open.
   */
  risk?: { value: number; grade: string } | null;
};

/** A person (or the system) as the rules see them: the name on the timeline and the facts checkTransition reads. */
export type SimActor = Actor & CaseActorFacts;

export type SimEvent = {
  at: number;
  actor: SimActor;
  action: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  fromLevel: CaseLevel | null;
  toLevel: CaseLevel | null;
  note: string | null;
  details: Record<string, unknown> | null;
  /** The action's input as the step got it (kept in memory so a test can replay the timeline; never written). */
  input: StepInput | null;
};

/** A notice; `stage`, `deadline` and `caseLevel` (the case's level when it was raised) feed its message. */
export type SimNotice = {
  at: number;
  kind: NoticeKind;
  level: CaseLevel;
  unitId: number | null;
  stage: CaseStage | null;
  deadline: number | null;
  caseLevel: CaseLevel;
  /** Red warnings and escalations of a case that rose in the same pass: the level it rose from (their texts name both). */
  escalatedFrom?: CaseLevel;
};

export type CaseOutcome = {
  state: CaseState;
  level: CaseLevel;
  version: number;
  leadUnitId: number | null;
  coUnitIds: number[];
  handledByUnitId: number | null;
  extensionCount: number;
  stage: CaseStage | null;
  stageStartedAt: number | null;
  yellowAt: number | null;
  deadlineAt: number | null;
  light: Light | null;
  lightChangedAt: number | null;
  handleStartedAt: number | null;
  handleDeadlineAt: number | null;
  escalatedForDeadline: number | null;
  remindedForDeadline: number | null;
  filedAt: number | null;
  dispatchedAt: number | null;
  handledAt: number | null;
  closedAt: number | null;
  evaluatedAt: number | null;
  updatedAt: number;
  discoveryStars: Stars | null;
  disposalStars: Stars | null;
  satisfaction: Satisfaction | null;
  resolution: ResolutionAnswer | null;
  acknowledgeDeadlineAt: number | null;
  acknowledgedAt: number | null;
  timeliness: Timeliness | null;
  reopenCount: number;
  supervisionCount: number;
  events: SimEvent[];
  notices: SimNotice[];
};

/** The simulated case row: what the steps read and write (case_record's columns, instants as Dates). */
export type SimRow = CaseStepRow & {
  light: Light | null;
  light_changed_at: Date | null;
  reminded_for_deadline: Date | null;
  escalated_for_deadline: Date | null;
  filed_at: Date | null;
  dispatched_at: Date | null;
  closed_at: Date | null;
  evaluated_at: Date | null;
  updated_at: Date;
  discovery_stars: Stars | null;
  disposal_stars: Stars | null;
  satisfaction: Satisfaction | null;
  resolution: ResolutionAnswer | null;
  acknowledged_at: Date | null;
  merged_into_id: number | null;
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** The clock job runs once a minute, a few seconds into it. */
const PASS_OFFSET = 5_000;

/** The first clock pass at or after `t` (passes compare now >= yellow_at). */
export function passAtOrAfter(t: number): number {
  return Math.ceil((t - PASS_OFFSET) / MINUTE) * MINUTE + PASS_OFFSET;
}

/** The first clock pass strictly after `t` (red needs now > deadline_at). */
export function passAfter(t: number): number {
  return Math.floor((t - PASS_OFFSET) / MINUTE) * MINUTE + MINUTE + PASS_OFFSET;
}

/**
 * The instant a share `u` (may exceed 1) of a stage's limit is used, on the limit's own clock. `total` is the
 * limit in working minutes when the caller already knows it (a stage takes several steps; the calendar walk
 * is the generator's main cost).
 */
export function instantAtShare(clock: StageClock, u: number, cal: WorkingCalendar, total?: number): number {
  const start = clock.startedAt.getTime();
  if (clockOf(clock.limit.unit) === "natural") return Math.round(start + u * (clock.deadlineAt.getTime() - start));
  const minutes = total ?? minutesBetween(clock.startedAt, clock.deadlineAt, "working", cal);
  return addWorkingMinutes(clock.startedAt, Math.max(0, u * minutes), cal).getTime();
}

/** A share of the limit: mostly well inside it (mean ≈ `mean`), `late` of the time past it. */
export function drawShare(rng: Rng, mean: number, late: number): number {
  if (rng.chance(late)) return 1 + Math.min(4, -Math.log(1 - rng.next()) * 0.35) + 0.001;
  // A power law on (0, 0.97): exponent k gives mean 0.03 + 0.94 / (k + 1).
  const k = Math.max(0.1, 0.94 / Math.max(0.01, mean - 0.03) - 1);
  return 0.03 + 0.94 * Math.pow(rng.next(), k);
}

/** A stable stand-in account id for a generated person, from a key naming them (FNV-1a, positive). */
export function personId(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 1) + 1;
}

/** A generated person as the rules see them. */
function simActor(who: Actor, unitIds: readonly number[], grants: readonly CaseGrant[]): SimActor {
  return { name: who.name, unitId: who.unitId, id: who.id, userId: who.id ?? personId(who.name), unitIds, grants };
}

const SYSTEM: SimActor = { name: "", unitId: null, userId: null, unitIds: [], grants: [] };

const LATE_HANDLE: Readonly<Record<CaseUrgency, number>> = { emergency: 0.08, urgent: 0.06, general: 0.055, complex: 0.1 };

const pickSatisfactionOnTime = weightedPicker<Satisfaction>([
  ["very_satisfied", 50],
  ["satisfied", 24],
  ["fairly_satisfied", 10],
  ["dissatisfied", 3],
  ["very_dissatisfied", 1],
  ["no_opinion", 12],
]);
const pickSatisfactionLate = weightedPicker<Satisfaction>([
  ["very_satisfied", 12],
  ["satisfied", 20],
  ["fairly_satisfied", 22],
  ["dissatisfied", 18],
  ["very_dissatisfied", 7],
  ["no_opinion", 21],
]);
/** 问题是否解决 at the return visit, by the satisfaction the party gave in the same call. */
const pickResolution: Readonly<Record<Satisfaction, (rng: Rng) => ResolutionAnswer>> = {
  very_satisfied: weightedPicker<ResolutionAnswer>([
    ["resolved", 98],
    ["no_opinion", 2],
  ]),
  satisfied: weightedPicker<ResolutionAnswer>([
    ["resolved", 94],
    ["unresolved", 2],
    ["no_opinion", 4],
  ]),
  fairly_satisfied: weightedPicker<ResolutionAnswer>([
    ["resolved", 78],
    ["unresolved", 12],
    ["no_opinion", 10],
  ]),
  dissatisfied: weightedPicker<ResolutionAnswer>([
    ["resolved", 25],
    ["unresolved", 65],
    ["no_opinion", 10],
  ]),
  very_dissatisfied: weightedPicker<ResolutionAnswer>([
    ["resolved", 8],
    ["unresolved", 87],
    ["no_opinion", 5],
  ]),
  no_opinion: weightedPicker<ResolutionAnswer>([
    ["resolved", 15],
    ["no_opinion", 85],
  ]),
};
const pickDiscovery = weightedPicker<Stars>([
  [1, 5],
  [2, 46],
  [3, 34],
  [4, 12],
  [5, 3],
]);
const pickDiscoveryOther = weightedPicker<Stars>([
  [1, 8],
  [2, 60],
  [3, 26],
  [4, 5],
  [5, 1],
]);

/** Simulates one case up to `rules.now`. */
export function simulateCase(rules: LifecycleRules, input: LifecycleInput, rng: Rng): CaseOutcome {
  return new CaseSimulation(rules, input, rng).run();
}

/** The row a report creates (lib/case/report-case.ts): state reported at the category's level, the accept clock running. */
export function reportedRow(
  rules: LifecycleRules,
  input: LifecycleInput,
  reporter: SimActor,
): { row: SimRow; clock: StageClock } {
  const at = input.reportedAt;
  const { categoryId, parentCategoryId, urgency, level } = input;
  const { clock, light } = reportClockOf({
    categoryId,
    parentCategoryId,
    urgency,
    level,
    reportedAt: at,
    config: rules,
    now: at,
  });
  const row: SimRow = {
    id: 0,
    number: "",
    state: "reported",
    level: input.level,
    urgency: input.urgency,
    category_id: input.categoryId,
    region_path: "",
    reporter_user_id: reporter.userId,
    lead_unit_id: null,
    co_unit_ids: [],
    handled_by_unit_id: null,
    extension_pending: false,
    version: 1,
    stage: "accept",
    stage_started_at: clock.startedAt,
    yellow_at: clock.yellowAt,
    deadline_at: clock.deadlineAt,
    handle_started_at: null,
    handle_deadline_at: null,
    acknowledge_deadline_at: null,
    acknowledged_at: null,
    handled_at: null,
    timeliness: null,
    extension_count: 0,
    reopen_count: 0,
    supervision_count: 0,
    light,
    light_changed_at: at,
    reminded_for_deadline: null,
    escalated_for_deadline: null,
    filed_at: null,
    dispatched_at: null,
    closed_at: null,
    evaluated_at: null,
    updated_at: at,
    discovery_stars: null,
    disposal_stars: null,
    satisfaction: null,
    resolution: null,
    merged_into_id: null,
  };
  return { row, clock };
}

class CaseSimulation {
  private readonly now: number;
  private readonly row: SimRow;
  /** The running stage's clock with its limit (null: nothing timed). */
  private clock: StageClock | null;
  /** The running stage's limit in working minutes, once computed (null: not yet, or a natural clock). */
  private clockTotal: number | null = null;
  private readonly events: SimEvent[] = [];
  private notices: SimNotice[] = [];
  private lastAt = 0;
  private readonly reporter: SimActor;

  constructor(
    private readonly rules: LifecycleRules,
    private readonly input: LifecycleInput,
    private readonly rng: Rng,
  ) {
    this.now = rules.now.getTime();
    this.reporter = simActor(input.reporter, [], []);
    const start = reportedRow(rules, input, this.reporter);
    this.row = start.row;
    this.clock = start.clock;
  }

  private get level(): CaseLevel {
    return this.row.level as CaseLevel;
  }

  run(): CaseOutcome {
    const t0 = this.input.reportedAt.getTime();
    this.events.push({
      at: t0,
      actor: this.reporter,
      action: "report",
      fromState: null,
      toState: "reported",
      fromLevel: null,
      toLevel: this.level,
      note: null,
      // As report-case.ts writes it.
      details: {
        channel: "generator",
        source: this.input.source,
        ...(this.input.risk ? { risk: { value: this.input.risk.value, grade: this.input.risk.grade } } : {}),
      },
      input: null,
    });
    this.lastAt = t0;
    this.flow();
    return this.finish();
  }

  // People, as the rules see them.

  private office(level: CaseLevel, role: OfficeRole): SimActor {
    const who = this.input.officeStaff(level, role);
    const kind: GrantKind = role === "visitor" ? "operator" : role;
    return simActor(who, who.unitId === null ? [] : [who.unitId], [{ kind, level }]);
  }

  private handler(unitId: number): SimActor {
    const who = this.input.unitStaff(unitId);
    return simActor(who, [unitId], []);
  }

  private visitor(): SimActor {
    const who = this.input.visitor;
    return simActor(who, [], [{ kind: "operator", level: this.level }]);
  }

  /**
   * Who verifies on the spot: the level's verifier, else a grid worker of the grid (they verify at every
   * level and act for no unit) — the first the rules let act (采办分离: never the reporter, never a unit that
   * handled the case).
   */
  private verifiers(): SimActor[] {
    const gridGrants: CaseGrant[] = (["grid", "community", "street", "district"] as const).map((level) => ({
      kind: "verifier",
      level,
    }));
    return [
      this.office(this.level, "verifier"),
      ...this.input.gridWorkers.map((who) => simActor({ ...who, unitId: null }, [], gridGrants)),
    ];
  }

  /** The main line; returns when the case is finished or `now` is reached. */
  private flow(): void {
    const { rng, input } = this;
    // 受理: file or refuse.
    const cancel = rng.chance(input.source === "hotline" ? 0.025 : 0.04);
    const t = this.at(drawShare(rng, 0.3, 0.025));
    if (!this.reach(t)) return;
    const operator = this.office(this.level, "operator");
    if (cancel) {
      this.act(t, operator, "cancel", { note: rng.pick(CANCEL_NOTES) });
      return;
    }
    this.act(t, operator, "file", {});
    this.dispatchLoop(t, "first");
  }

  /**
   * 派遣 → 签收/退回 → 处置 …. On filing the routing runs (routingStepOf): a rule with auto-dispatch sends the
   * case at once (系统（派遣规则）); no rule at all sends it one level up, whose dispatcher sends it to its own
   * unit; a rule without auto-dispatch is followed by the dispatcher of the level.
   */
  private dispatchLoop(from: number, round: "first" | "after_return" | "after_resume", sentBackBy: number | null = null): void {
    const { rng, input } = this;
    // 发现评星: the receiving office rates most reports as it files them (some are rated later by the lead unit).
    if (round === "first" && rng.chance(0.7)) {
      const tRate = from + 500 + Math.floor(rng.next() * 1_000);
      if (!this.reach(tRate)) return;
      const stars = input.source === "grid_worker" ? pickDiscovery(rng) : pickDiscoveryOther(rng);
      this.act(tRate, this.office(this.level, "operator"), "rate_discovery", { discoveryStars: stars });
    }
    if (round === "first") {
      const auto = input.routing?.auto === true;
      const tRoute = from + 2_000 + Math.floor(rng.next() * (auto ? 20_000 : 5_000));
      if (!this.reach(tRoute)) return;
      const routing = input.routing
        ? input.routing.auto
          ? {
              autoDispatch: true as const,
              leadUnit: this.unit(input.routing.leadUnitId),
              coUnits: input.routing.coUnitIds.map((id) => this.unit(id)),
            }
          : { autoDispatch: false as const }
        : null;
      const step = routingStepOf({
        row: this.row,
        parentCategoryId: input.parentCategoryId,
        routing,
        config: this.rules,
        now: new Date(tRoute),
      });
      if (step) {
        const actor = { ...SYSTEM, name: step.event.actorName };
        this.apply(tRoute, actor, step, null);
      }
    }
    let lead: number;
    if (this.row.state === "dispatched") lead = this.row.lead_unit_id!;
    else {
      const t = this.at(drawShare(rng, 0.3, 0.02));
      if (!this.reach(t)) return;
      // First round: the rule's units, else the level's own unit. After a send-back: the other of the two
      // (the same unit again when there is no other). After 挂账: the unit that had it before.
      const local = input.localUnitOf(this.level);
      if (round === "first") lead = input.routing?.leadUnitId ?? local;
      else if (round === "after_return") lead = sentBackBy === local ? (input.routing?.leadUnitId ?? local) : local;
      else lead = this.row.lead_unit_id ?? local;
      const co = input.routing && round === "first" ? input.routing.coUnitIds.filter((id) => id !== lead) : [];
      this.act(t, this.office(this.level, "dispatcher"), "dispatch", {
        note: "请按时限处置并及时反馈。",
        leadUnit: this.unit(lead),
        coUnits: co.map((id) => this.unit(id)),
      });
    }

    // 签收 or 退回 a little after the dispatch (an unacknowledged case keeps its "assigned" notices, see finish),
    // drawn on the acknowledgement limit the dispatch set: most units sign in time, about one in sixteen late (响应率).
    const sendBack = round === "first" && rng.chance(0.035);
    const t = this.ackAt(drawShare(rng, 0.3, 0.06));
    if (!this.reach(t)) return;
    const handler = this.handler(lead);
    if (sendBack) {
      const reason = rng.pick(RETURN_REASONS);
      this.act(t, handler, "return", { note: `${caseLoop.returnReasonLabels[reason]}，请重新派遣。`, returnReason: reason });
      this.dispatchLoop(t, "after_return", lead);
      return;
    }
    this.act(t, handler, "acknowledge", {});
    // The receiving unit may rate the discovery too, when the office has not (the lead unit receives the case).
    if (this.row.discovery_stars === null && rng.chance(0.3)) {
      const tRate = t + MINUTE + Math.floor(rng.next() * 30 * MINUTE);
      if (!this.reach(tRate)) return;
      const stars = input.source === "grid_worker" ? pickDiscovery(rng) : pickDiscoveryOther(rng);
      this.act(tRate, handler, "rate_discovery", { discoveryStars: stars });
    }
    this.handleLoop(lead);
  }

  /** From 已签收: optional extension or 挂账, then 处置, 反馈, 核查, 结案, 回访 (返工 loops back here). */
  private handleLoop(lead: number): void {
    const { rng, input } = this;
    const handler = this.handler(lead);
    let uDone = drawShare(rng, 0.45, LATE_HANDLE[input.urgency]);
    // 老大难: a few cases drag on for months.
    if (rng.chance(0.003)) uDone = 2 + rng.next() * 8;

    // 延期, asked for before the limit runs out (the rules refuse it after): mostly complex cases.
    const extensionChance = input.urgency === "complex" ? 0.15 : input.urgency === "general" ? 0.02 : 0;
    const tRequest = rng.chance(extensionChance) && this.row.extension_count === 0 ? this.at(0.5 + rng.next() * 0.3) : null;
    if (tRequest !== null && tRequest <= this.clock!.deadlineAt.getTime()) {
      if (!this.reach(tRequest)) return;
      this.act(tRequest, handler, "extension_request", { note: "处置需协调多个部门，申请延期。" });
      const tApprove = tRequest + HOUR + Math.floor(rng.next() * 6 * HOUR);
      if (!this.reach(tApprove)) return;
      const dispatcher = this.office(this.level, "dispatcher");
      if (rng.chance(0.85)) {
        this.act(tApprove, dispatcher, "extension_approve", { note: "同意延期。" });
        uDone = Math.min(uDone, 0.9);
      } else this.act(tApprove, dispatcher, "extension_reject", { note: "理由不充分，不予延期，请按原时限办结。" });
    }

    if (rng.chance(0.007) && this.row.reopen_count === 0) {
      const tSuspend = this.at(0.2 + rng.next() * 0.5);
      if (!this.reach(tSuspend)) return;
      this.act(tSuspend, this.office(this.level, "operator"), "suspend", { note: rng.pick(SUSPEND_NOTES) });
      if (!rng.chance(0.35)) return;
      const tResume = tSuspend + 20 * DAY + Math.floor(rng.next() * 70 * DAY);
      if (!this.reach(tResume)) return;
      this.act(tResume, this.office(this.level, "operator"), "resume", { note: "条件已具备，解除挂账，重新派遣。" });
      this.dispatchLoop(tResume, "after_resume");
      return;
    }

    // 处置 on the spot, then the report back (反馈) a little later; the rules fix timeliness at the report back.
    // Both on the limit's own clock, so a working-time unit works in working hours. Now and then the unit
    // handles in time but reports back only after the deadline (the paperwork lags): the case is overdue.
    const tHandle = this.at(uDone * rng.range(0.8, 0.98));
    const lagging = uDone < 0.95 && rng.chance(0.025);
    const tReportBack = Math.max(this.at(lagging ? 1.02 + rng.next() * 0.3 : uDone), tHandle + 5 * MINUTE);
    if (!this.reach(tHandle)) return;
    this.act(tHandle, handler, "handle", {});
    if (!this.reach(tReportBack)) return;
    this.act(tReportBack, handler, "report_back", { note: input.doneNote });

    // 核查
    const uStart = 0.03 + rng.next() * 0.3;
    const tVerify = this.at(uStart);
    if (!this.reach(tVerify)) return;
    const verifier = this.actFirst(tVerify, this.verifiers(), "start_verification", {});
    const late = rng.chance(0.02);
    const tClose = this.at(late ? 1.05 + rng.next() * 0.5 : uStart + 0.05 + rng.next() * 0.5);
    if (!this.reach(tClose)) return;
    // The one who verified decides, unless the clock has sent the case up meanwhile (the level above takes over).
    const deciders = [verifier, ...this.verifiers()];
    if (rng.chance(0.03) && this.row.reopen_count < 2) {
      this.actFirst(tClose, deciders, "reopen", { note: "核查发现问题未彻底解决，退回重新处置。" });
      this.handleLoop(lead);
      return;
    }
    this.actFirst(tClose, deciders, "close", { note: "经现场核查，问题已解决，同意结案。" });

    // 回访 1–4 days later, in the daytime; a few parties are never reached and the case stays closed.
    if (rng.chance(0.06)) return;
    const tVisit = localDaytime(tClose + DAY + Math.floor(rng.next() * 3 * DAY), rng);
    if (!this.reach(tVisit)) return;
    const timeliness = (this.row.timeliness as Timeliness | null) ?? "on_time";
    const satisfaction = timeliness === "overdue" ? pickSatisfactionLate(rng) : pickSatisfactionOnTime(rng);
    this.act(tVisit, this.visitor(), "evaluate", {
      note: `回访：${caseLoop.satisfactionLabels[satisfaction]}。`,
      satisfaction,
      resolution: pickResolution[satisfaction](rng),
    });

    // 不满意: the loop goes on. Often the level above issues 督办, and the office sends the case back to the
    // same unit (返工); the next return visit rates it again. Satisfied evaluations are final.
    if (!isDissatisfied(satisfaction) || this.row.reopen_count >= 2 || !rng.chance(0.45)) return;
    if (rng.chance(0.5)) {
      const tOrder = tVisit + HOUR + Math.floor(rng.next() * 20 * HOUR);
      if (!this.reach(tOrder)) return;
      const supervisor = this.office(levelAbove(this.level) ?? this.level, "supervisor");
      this.act(tOrder, supervisor, "supervision_order", { note: "回访群众不满意，请重新处置并限期反馈。" });
    }
    const tReopen = this.lastAt + HOUR + Math.floor(rng.next() * DAY);
    if (!this.reach(tReopen)) return;
    this.actFirst(tReopen, this.verifiers(), "reopen", {
      note: `回访${caseLoop.satisfactionLabels[satisfaction]}，问题仍存在，返工处理。`,
    });
    this.handleLoop(lead);
  }

  private unit(id: number) {
    return { id, name: this.input.unitName(id) };
  }

  /** One step of the loop at `t`, decided by lib/case (case-step.ts); a refusal is a bug of the scenario. */
  private act(t: number, actor: SimActor, action: CaseAction, input: StepInput): void {
    const decision = this.decide(t, actor, action, input);
    if (!decision.ok)
      throw new Error(`the case generator took a step the rules refuse: ${action} by ${actor.name} (${decision.message})`);
    this.apply(t, actor, decision.step, input);
  }

  /** The step by the first of `actors` the rules let take it; returns who took it. */
  private actFirst(t: number, actors: readonly SimActor[], action: CaseAction, input: StepInput): SimActor {
    for (const actor of actors) {
      const decision = this.decide(t, actor, action, input);
      if (decision.ok) {
        this.apply(t, actor, decision.step, input);
        return actor;
      }
    }
    throw new Error(`the case generator found nobody the rules let take the step ${action}`);
  }

  private decide(t: number, actor: SimActor, action: CaseAction, input: StepInput) {
    return decideCaseStep({
      row: this.row,
      parentCategoryId: this.input.parentCategoryId,
      actor,
      action,
      input,
      config: this.rules,
      now: new Date(t),
    });
  }

  /** Writes a step into the simulated row (as updateCase does: the patch, version + 1, updated_at) and the timeline. */
  private apply(t: number, actor: SimActor, step: CaseStep, input: StepInput | null): void {
    const e = step.event;
    this.events.push({
      at: t,
      actor,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      fromLevel: e.fromLevel,
      toLevel: e.toLevel,
      note: e.note,
      details: Object.keys(e.details).length ? e.details : null,
      input,
    });
    const row = this.row as Record<string, unknown>;
    for (const key in step.patch) row[key] = step.patch[key];
    this.row.version++;
    this.row.updated_at = new Date(t);
    this.lastAt = Math.max(this.lastAt, t);
    if ("stage" in step.patch) this.clock = this.clockOfRow();
    else if ("deadline_at" in step.patch && this.clock) {
      // An approved extension moves the running stage's deadline and yellow instant.
      this.clock = { ...this.clock, deadlineAt: this.row.deadline_at!, yellowAt: this.row.yellow_at! };
      this.clockTotal = null;
    }
  }

  /** The running stage's clock as the row stores it, with the limit the rules gave it (case-step's effects). */
  private clockOfRow(): StageClock | null {
    this.clockTotal = null;
    const { stage, stage_started_at, yellow_at, deadline_at } = this.row;
    if (!stage || !stage_started_at || !yellow_at || !deadline_at) return null;
    const limit: TimeLimit = resolveLimit(this.rules.timeLimits, {
      categoryId: this.input.categoryId,
      parentCategoryId: this.input.parentCategoryId,
      urgency: this.input.urgency,
      level: this.level,
      stage: stage as CaseStage,
    });
    return { stage: stage as CaseStage, startedAt: stage_started_at, yellowAt: yellow_at, deadlineAt: deadline_at, limit };
  }

  /** The instant a share of the running stage's limit is used (never before the previous step: steps keep their order). */
  /** The instant a share `u` of the acknowledgement limit of the latest dispatch is used. */
  private ackAt(u: number): number {
    const start = this.row.dispatched_at!;
    const deadline = this.row.acknowledge_deadline_at!;
    const limit = acknowledgeLimitFor(this.input.urgency);
    const clock: StageClock = { stage: "handle", startedAt: start, deadlineAt: deadline, yellowAt: deadline, limit };
    return Math.max(instantAtShare(clock, u, this.rules.calendar), this.lastAt + MINUTE);
  }

  private at(u: number): number {
    const clock = this.clock!;
    if (this.clockTotal === null && clockOf(clock.limit.unit) === "working")
      this.clockTotal = minutesBetween(clock.startedAt, clock.deadlineAt, "working", this.rules.calendar);
    return Math.max(instantAtShare(clock, u, this.rules.calendar, this.clockTotal ?? undefined), this.lastAt + MINUTE);
  }

  /**
   * Moves time to `t`: the clock's effects on the running stage before `t` happen (or, when `t` lies after
   * `now`, those due at `now`). Returns false when `t` is after `now` (the case stops where it is).
   */
  private reach(t: number): boolean {
    const final = t > this.now;
    if (this.clock && stageOfState(this.row.state as CaseState) !== null) this.clockEffects(final ? this.now : t, final);
    return !final;
  }

  /** What the clock worker did to the running stage up to `until` (db/queries/case-clock.ts). */
  private clockEffects(until: number, final: boolean): void {
    const clock = this.clock!;
    const row = this.row;
    const yellow = clock.yellowAt.getTime();
    const deadline = clock.deadlineAt.getTime();
    // A past stage: a pass must have run before the step that ended it. The current stage: what a pass at
    // `now` finds due (yellow from yellow_at on, red strictly after the deadline), dated by the pass.
    const remindPass = Math.min(passAtOrAfter(yellow), until);
    const redPass = Math.min(passAfter(deadline), until);
    const remind = final ? yellow <= until : passAtOrAfter(yellow) < until;
    const red = final ? deadline < until : passAfter(deadline) < until;
    // The light a pass writes when it changes (a step's own light stands until then).
    const light: Light | null = red ? "red" : remind ? "yellow" : null;
    if (light && row.light !== light) {
      row.light = light;
      row.light_changed_at = new Date(light === "red" ? redPass : remindPass);
    }
    if ((remind || red) && row.reminded_for_deadline?.getTime() !== deadline) {
      row.reminded_for_deadline = clock.deadlineAt;
      if (final) this.notice(remindPass, "reminder", this.level, row.lead_unit_id, clock);
    }
    if (red && row.escalated_for_deadline?.getTime() !== deadline) {
      row.escalated_for_deadline = clock.deadlineAt;
      const rule = this.rules.escalation.get(this.level);
      if (final) this.notice(redPass, "red_warning", rule?.notifyLevel ?? this.level, null, clock);
      const warning = final ? this.notices[this.notices.length - 1] : null;
      const above = levelAbove(this.level);
      if (rule?.autoOnRed && above) {
        const from = this.level;
        this.autoEscalate(redPass, clock, above, final);
        // the warning of the same minute tells the same story as the escalation notice: risen, and where it is now
        if (warning) Object.assign(warning, { escalatedFrom: from, caseLevel: above });
      }
      // 督办: an overdue handling stage often draws a supervision order from the level above.
      if (clock.stage === "handle" && this.rng.chance(0.35)) {
        const tOrder = passAfter(deadline) + HOUR + Math.floor(this.rng.next() * 2 * DAY);
        if (tOrder < until) {
          const supervisor = this.office(levelAbove(this.level) ?? this.level, "supervisor");
          this.act(tOrder, supervisor, "supervision_order", { note: "该案件已超期，请加快办理并及时反馈。" });
          if (final) this.notice(tOrder, "supervision", this.level, row.lead_unit_id, clock);
        }
      }
    }
  }

  /** The clock's escalation (an escalate by the system, written as auto_escalate with the clock's note and details). */
  private autoEscalate(at: number, clock: StageClock, above: CaseLevel, final: boolean): void {
    const from = this.level;
    const note = caseClock.autoEscalateNote(
      cases.stages[clock.stage],
      formatLocalMinute(clock.deadlineAt.getTime()),
      caseLoop.levelLabels[from],
      caseLoop.levelLabels[above],
    );
    const actor: SimActor = { ...SYSTEM, name: caseLoop.system.clockActor };
    const verdict = checkTransition({
      caseFacts: caseFactsOf(this.row, new Date(at)),
      actor,
      action: "escalate",
      input: { expectedVersion: this.row.version, note },
    });
    if (!verdict.ok || verdict.level !== above)
      throw new Error(`the clock's escalation is refused: ${verdict.ok || verdict.message}`);
    const state = this.row.state as CaseState;
    this.apply(
      at,
      actor,
      {
        patch: { level: above },
        event: {
          actorUserId: null,
          actorName: actor.name,
          actorUnitId: null,
          action: "auto_escalate",
          fromState: state,
          toState: state,
          fromLevel: from,
          toLevel: above,
          note,
          details: { deadlineAt: clock.deadlineAt.toISOString(), stage: clock.stage },
        },
        notices: [],
      },
      { note },
    );
    if (final) {
      this.notice(at, "escalated", above, null, clock);
      this.notices[this.notices.length - 1].escalatedFrom = from;
    }
  }

  /** Notices are only recorded for the running stage at `now` (see finish): those are on someone's screen. */
  private notice(at: number, kind: NoticeKind, level: CaseLevel, unitId: number | null, clock: StageClock): void {
    this.notices.push({
      at,
      kind,
      level,
      unitId,
      stage: clock.stage,
      deadline: clock.deadlineAt.getTime(),
      caseLevel: this.level,
    });
  }

  private finish(): CaseOutcome {
    const row = this.row;
    const state = row.state as CaseState;
    const open = stageOfState(state) !== null && row.stage !== null;
    let notices = this.notices;
    if (open) {
      const base = { stage: null, deadline: null, caseLevel: this.level };
      if (this.input.risk) {
        const alert = RISK_ALERTS[this.input.risk.grade as RiskGrade];
        for (const level of alert.levels)
          notices.push({ ...base, at: this.input.reportedAt.getTime(), kind: alert.kind, level, unitId: null });
      }
      // A dispatch not yet acknowledged: the "assigned" notices to its lead and co-units are still unread work.
      if (state === "dispatched") {
        for (const unitId of [row.lead_unit_id!, ...row.co_unit_ids])
          notices.push({ ...base, at: row.dispatched_at!.getTime(), kind: "assigned", level: this.level, unitId });
      }
    } else {
      // Nothing timed (finished, cancelled, 挂账): its notices no longer matter on anyone's screen.
      notices = [];
    }
    notices.sort((a, b) => a.at - b.at);
    return {
      state,
      level: this.level,
      version: row.version,
      leadUnitId: row.lead_unit_id,
      coUnitIds: [...row.co_unit_ids],
      handledByUnitId: row.handled_by_unit_id,
      extensionCount: row.extension_count,
      stage: (row.stage as CaseStage | null) ?? null,
      stageStartedAt: ms(row.stage_started_at),
      yellowAt: ms(row.yellow_at),
      deadlineAt: ms(row.deadline_at),
      light: row.light,
      lightChangedAt: ms(row.light_changed_at),
      handleStartedAt: ms(row.handle_started_at),
      handleDeadlineAt: ms(row.handle_deadline_at),
      escalatedForDeadline: ms(row.escalated_for_deadline),
      remindedForDeadline: ms(row.reminded_for_deadline),
      filedAt: ms(row.filed_at),
      dispatchedAt: ms(row.dispatched_at),
      handledAt: ms(row.handled_at),
      closedAt: ms(row.closed_at),
      evaluatedAt: ms(row.evaluated_at),
      updatedAt: row.updated_at.getTime(),
      discoveryStars: row.discovery_stars,
      disposalStars: row.disposal_stars,
      satisfaction: row.satisfaction,
      resolution: row.resolution,
      acknowledgeDeadlineAt: ms(row.acknowledge_deadline_at),
      acknowledgedAt: ms(row.acknowledged_at),
      timeliness: row.timeliness as Timeliness | null,
      reopenCount: row.reopen_count,
      supervisionCount: row.supervision_count,
      events: this.events,
      notices,
    };
  }
}

function ms(d: Date | null): number | null {
  return d === null ? null : d.getTime();
}

/** "YYYY-MM-DD HH:mm" in China Standard Time, as the clock's SQL writes it (to_char … at time zone 'Asia/Shanghai'). */
export function formatLocalMinute(t: number): string {
  return new Date(t + 8 * HOUR).toISOString().slice(0, 16).replace("T", " ");
}

/** Moves an instant to 09:00–18:00 local (UTC+8) on the same local day, keeping some spread. */
function localDaytime(t: number, rng: Rng): number {
  const offset = 8 * HOUR;
  const midnight = Math.floor((t + offset) / DAY) * DAY - offset;
  return midnight + 9 * HOUR + Math.floor(rng.next() * 9 * HOUR);
}
