import type { CaseAction, CaseLevel, CaseState } from "./case-states";
import type { StagedPhoto } from "./photos/photo-stage";
import type { RiskBands, RiskGrade } from "./risk";
import type { CaseStage, CaseUrgency } from "./time-limits";
import type { Light } from "./traffic-light";

/**
 * The shapes of cases that leave lib/ (camelCase, ISO instants, the reporter's phone masked). Pages,
 * route handlers, the map panel, exports and Open311 all start from these, never from a row type.
 */

export const CASE_SOURCES = ["grid_worker", "hotline", "resident", "department", "visit", "video"] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_CHANNELS = ["phone", "console", "import", "open311", "generator"] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_KINDS = ["service", "management", "enforcement"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** One line of a list, one point of the map. */
export type CaseSummaryDto = {
  id: number;
  number: string;
  state: CaseState;
  level: CaseLevel;
  /** null when the case is not open (closed, evaluated, cancelled) or its clock is stopped (suspended). */
  light: Light | null;
  source: CaseSource;
  kind: CaseKind;
  urgency: CaseUrgency;
  categoryId: number;
  categoryName: string;
  description: string;
  address: string | null;
  lon: number;
  lat: number;
  gridId: number;
  gridName: string;
  leadUnitName: string | null;
  reportedAt: string;
  /** The current stage's deadline (ISO), null when nothing is timed. */
  deadlineAt: string | null;
  closedAt: string | null;
};

export type CaseEventDto = {
  id: number;
  at: string;
  actorName: string;
  /** Made by the system's rules (routing, the clock), not a person: the timeline draws it apart. */
  isSystem: boolean;
  /** "report", a CaseAction, or a system action: auto_dispatch, auto_escalate, import_update, merge. */
  action: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  fromLevel: CaseLevel | null;
  toLevel: CaseLevel | null;
  note: string | null;
  /** Action-specific facts: returnReason, leadUnitName, coUnitNames, satisfaction, discoveryStars, extension … */
  details: Record<string, unknown> | null;
  photoIds: number[];
};

export type UnitOption = {
  id: number;
  name: string;
  kind: "department" | "street_office" | "community_station" | "grid_station";
};

export type CaseDetailDto = CaseSummaryDto & {
  version: number;
  /** The basic grid's parents, district first (the grid itself last). */
  breadcrumb: { id: number; name: string; level: number }[];
  /** 张* for a caller from outside unless the viewer holds the reveal right in the case's area (case-pii.ts). */
  reporterName: string | null;
  /** Masked (138****0000); the reporter's own phone is never shown in clear here. */
  reporterPhoneMasked: string | null;
  externalId: string | null;
  channel: CaseChannel;
  leadUnitId: number | null;
  coUnits: UnitOption[];
  handledByUnitName: string | null;
  stage: CaseStage | null;
  stageStartedAt: string | null;
  yellowAt: string | null;
  handleDeadlineAt: string | null;
  extensionPending: boolean;
  discoveryStars: number | null;
  disposalStars: number | null;
  satisfaction: string | null;
  /** The return visit's "问题是否解决": resolved | unresolved | no_opinion. */
  resolution: string | null;
  timeliness: "overdue" | "on_time" | "early" | null;
  risk: { l: number; e: number; c: number; value: number; grade: RiskGrade } | null;
  /** The 应急预案 (required for 重大). */
  emergencyPlan: string | null;
  /** The category is a dispute or hazard: the LEC assessment is required before 立案. */
  riskAssessed: boolean;
  /** The caller may set or revise the risk now (lib/case/risk.ts riskAssessmentRefusal). */
  canAssessRisk: boolean;
  /** The configured grade cut points, for the form's preview (null when the case takes no risk). */
  riskBands: RiskBands | null;
  reopenCount: number;
  supervisionCount: number;
  mergedIntoId: number | null;
  photoIds: number[];
  /** The same photos with their stage (photos/photo-stage.ts): 上报, 处置前 (at 处置), 处置后 (at 反馈), other. */
  photos: StagedPhoto[];
  /** Timeline notes carry identity numbers and phones masked, like the description. */
  events: CaseEventDto[];
  /**
   * textMasked: something in the description, address or notes is masked; mayReveal: the viewer may show it
   * in clear with a reason (logged), POST /api/cases/<id>/reveal.
   */
  personalText: { textMasked: boolean; mayReveal: boolean };
  /** What the caller may do now (input aside), for the buttons. */
  availableActions: CaseAction[];
  /** Steps the caller would have but for the clock (an extension once the limit ran out), with the reason. */
  blockedActions: { action: CaseAction; reason: string }[];
  /** The routing rule's proposal for a manual dispatch, if a rule matches. */
  proposedRouting: { leadUnitId: number; coUnitIds: number[] } | null;
};
