import "server-only";
import { z } from "zod";
import {
  attachPhotos,
  findCaseIdByClientRequest,
  findGridAtPoint,
  insertCase,
  insertCaseEvent,
  insertNotices,
  pointGeometry,
} from "../../db/queries/case";
import { findCategory } from "../../db/queries/case-config";
import { inScope } from "../../db/queries/scope";
import type { Database } from "../../db/client";
import { isUniqueViolation } from "../account/rules";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { scopeContains, type Scope } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import { maskPhone } from "../pii/mask";
import { encryptPii } from "../pii/protect";
import { enqueue } from "../../workers/enqueue";
import type { CaseChannel, CaseSource, CaseSummaryDto } from "./case-dto";
import { loadCaseConfig } from "./case-config";
import type { CaseLevel } from "./case-states";
import { assessRisk, riskNoticeMessage } from "./risk";
import { ReportCaseSchema, type ReportCaseInput } from "./schemas";
import { reportClockOf } from "./case-step";
import { suggestDuplicatesIn } from "./suggest-duplicates";

export type ReportCaseResult = { caseId: number; number: string; replayed: boolean; duplicates: CaseSummaryDto[] };

/**
 * 信息采集: a grid worker (or an office) reports a problem at a point. The basic grid and all its parents
 * come from point-in-polygon; the case starts at its category's level with the accept clock running.
 * A retried or double-clicked report (same clientRequestId) is stored once and answered with the same case.
 */
export async function reportCase({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<ReportCaseResult> {
  const scope = authorize(ctx, "case.report");
  const parsed = parseInput(ReportInputSchema, input);
  const replayIn = async (trx: Database): Promise<ReportCaseResult | null> => {
    const existing = await findCaseIdByClientRequest(trx, parsed.clientRequestId);
    return existing ? { caseId: existing.id, number: existing.number, replayed: true, duplicates: [] } : null;
  };
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      // A retry is answered from the same transaction (no transaction of its own before every report); the
      // duplicate search goes out with it (pipelined, one round trip) and runs before the insert, so the new
      // case need not be excluded from it.
      const [earlier, duplicates] = await Promise.all([
        replayIn(trx),
        suggestDuplicatesIn(trx, { categoryId: parsed.categoryId, lon: parsed.lon, lat: parsed.lat }),
      ]);
      if (earlier) return earlier;
      const created = await createCaseInTransaction(trx, { ctx, scope, input: { ...parsed, channel: parsed.channel } });
      return { ...created, replayed: false, duplicates };
    });
  } catch (error) {
    // Two copies of the same request raced: the other one committed first.
    if (!isUniqueViolation(error)) throw error;
    const winner = await inScope(ctx.db, scope, replayIn);
    if (winner) return winner;
    throw new DomainError("CONFLICT", caseLoop.errors.requestReused, { cause: error });
  }
}

/** Where the report came from in the product: the phone page or the console. */
const ReportChannelSchema = z.enum(["phone", "console"]).default("console");
/** Built once: zod compiles a schema on its first parse, so a schema made per call is compiled per call. */
const ReportInputSchema = ReportCaseSchema.extend({ channel: ReportChannelSchema });

export type CreateCaseInput = Omit<ReportCaseInput, "clientRequestId"> & {
  clientRequestId?: string | null;
  channel: CaseChannel;
  externalSystem?: string | null;
  externalId?: string | null;
  /** When the report was received, if not now (12345 orders carry their own time). */
  reportedAt?: Date | null;
};

/**
 * Creates a case inside a transaction whose row-level-security scope is already set: the report verb and
 * the importers (12345, Open311) share it. Checks the category, the place (inside the district and inside
 * `scope`), the photos and the risk; writes the case, its first timeline row, notices of a major risk and
 * the audit row, and enqueues the follow-up job.
 */
export async function createCaseInTransaction(
  trx: Database,
  args: { ctx: RequestContext; scope: Scope; input: CreateCaseInput },
): Promise<{ caseId: number; number: string }> {
  const { ctx, scope, input } = args;
  // Independent reads go out together: postgres.js pipelines them on the transaction's connection (one round
  // trip instead of three). The configuration is read on this connection too: waiting for a second pool
  // connection while holding one deadlocks the pool when as many reports arrive at once as it has connections.
  const [category, grid, config] = await Promise.all([
    findCategory(trx, input.categoryId),
    findGridAtPoint(trx, input.lon, input.lat),
    loadCaseConfig(trx),
  ]);
  if (!category || !category.active)
    throw new DomainError("VALIDATION", caseLoop.errors.categoryInvalid, {
      details: { categoryId: caseLoop.errors.categoryInvalid },
    });
  if (!grid)
    throw new DomainError("VALIDATION", caseLoop.errors.outsideDistrict, {
      details: { location: caseLoop.errors.outsideDistrict },
    });
  if (!scopeContains(scope, grid.path)) throw new DomainError("FORBIDDEN", caseLoop.errors.outsideArea);

  let risk: ReturnType<typeof assessRisk> | null = null;
  if (input.risk) {
    if (!category.risk_assessed) throw new DomainError("VALIDATION", caseLoop.errors.riskNotApplicable);
    risk = assessRisk({ ...input.risk, bands: config.riskBands });
  }
  const reportedAt = input.reportedAt ?? new Date();
  const level = category.default_level as CaseLevel;
  const urgency = input.urgency ?? (category.default_urgency as ReportCaseInput["urgency"] & string);
  const { clock, light } = reportClockOf({
    categoryId: category.id,
    parentCategoryId: category.parent_id,
    urgency,
    level,
    reportedAt,
    config,
    now: new Date(),
  });
  const phone = input.reporterPhone?.replace(/[\s-]/g, "") || null;

  const created = await insertCase(trx, {
    district_code: grid.district_code,
    source: input.source ?? defaultSource(ctx),
    channel: input.channel,
    kind: category.kind,
    category_id: category.id,
    description: input.description,
    address: input.address || null,
    geom: pointGeometry(input.lon, input.lat),
    grid_id: grid.id,
    region_path: grid.path,
    reporter_user_id: ctx.actor.userId,
    reporter_name: input.reporterName || (ctx.actor.userId !== null ? ctx.actor.displayName : null),
    reporter_phone_cipher: phone ? encryptPii(phone) : null,
    reporter_phone_masked: phone ? maskPhone(phone) : null,
    external_system: input.externalSystem ?? null,
    external_id: input.externalId ?? null,
    client_request_id: input.clientRequestId ?? null,
    urgency,
    level,
    state: "reported",
    stage: "accept",
    stage_started_at: clock.startedAt,
    yellow_at: clock.yellowAt,
    deadline_at: clock.deadlineAt,
    light,
    light_changed_at: reportedAt,
    reported_at: reportedAt,
    risk_l: risk ? input.risk!.l : null,
    risk_e: risk ? input.risk!.e : null,
    risk_c: risk ? input.risk!.c : null,
    risk_value: risk?.d ?? null,
    risk_grade: risk?.grade ?? null,
  });
  // The writes that follow only need the case id: sent together (pipelined), one round trip for most of them.
  // If one fails, the transaction is rolled back with all of them.
  const attachChecked = async () => {
    if (input.photoIds.length === 0) return;
    const attached = await attachPhotos(trx, created.id, input.photoIds, ctx.actor.userId);
    if (attached !== new Set(input.photoIds).size) throw new DomainError("VALIDATION", caseLoop.errors.photosInvalid);
  };
  await Promise.all([
    attachChecked(),
    insertCaseEvent(trx, {
      case_id: created.id,
      at: reportedAt,
      actor_user_id: ctx.actor.userId,
      actor_name: ctx.actor.displayName,
      action: "report",
      to_state: "reported",
      to_level: level,
      note: null,
      details: {
        channel: input.channel,
        source: input.source ?? defaultSource(ctx),
        ...(risk ? { risk: { value: risk.d, grade: risk.grade } } : {}),
      },
      photo_ids: input.photoIds,
      request_id: input.clientRequestId ?? null,
    }),
    risk
      ? insertNotices(
          trx,
          risk.alert.levels.map((alertLevel) => ({
            caseId: created.id,
            kind: risk.alert.kind,
            level: alertLevel,
            regionPath: grid.path,
            message: riskNoticeMessage(risk.alert.kind, created.number),
          })),
        )
      : undefined,
    recordAudit(trx, ctx, {
      action: "case.report",
      entity: "case",
      entityId: created.id,
      after: {
        number: created.number,
        categoryId: category.id,
        gridId: grid.id,
        level,
        urgency,
        channel: input.channel,
        externalId: input.externalId ?? null,
      },
    }),
    enqueue(trx, "case.changed", { caseId: created.id, action: "report" }),
  ]);
  return { caseId: created.id, number: created.number };
}

function defaultSource(ctx: RequestContext): CaseSource {
  return ctx.actor.assignments.some((a) => a.role === "department_handler") ? "department" : "grid_worker";
}
