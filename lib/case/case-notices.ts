import "server-only";
import {
  countUnreadNotices,
  findUnreadNotices,
  markCaseNoticesRead,
  markNoticeRead,
  type NoticeAudience,
} from "../../db/queries/case-notice";
import { findUnitIdsOfUser } from "../../db/queries/case";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { Role } from "../auth/roles";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import type { CaseLevel } from "./case-states";
import { CaseIdSchema } from "./schemas";

/** The ladder level each office role watches (红灯预警, escalations, major risks at its level). */
const OFFICE_LEVEL: Partial<Record<Role, CaseLevel>> = {
  district_commander: "district",
  street_operator: "street",
  community_head: "community",
  xiaoqu_head: "grid",
};

export type CaseNoticeDto = {
  id: number;
  caseId: number;
  caseNumber: string;
  kind: string;
  level: CaseLevel;
  message: string;
  createdAt: string;
  light: string | null;
};

const NOTICE_LIMIT = 30;

async function audienceOf(ctx: RequestContext, db: RequestContext["db"]): Promise<NoticeAudience> {
  const offices = ctx.actor.assignments.flatMap((a) =>
    OFFICE_LEVEL[a.role] ? [{ level: OFFICE_LEVEL[a.role]!, path: a.regionPath }] : [],
  );
  return { offices, unitIds: await findUnitIdsOfUser(db, ctx.actor.userId) };
}

/**
 * The caller's unread notices: red-light warnings and escalations for their office's level inside their
 * area, major-risk alerts, and dispatches, reminders and supervision orders for the units they act for.
 */
export async function listCaseNotices({ ctx }: { ctx: RequestContext }): Promise<{ unread: number; notices: CaseNoticeDto[] }> {
  const scope = authorize(ctx, "case.read");
  return inScope(ctx.db, scope, async (trx) => {
    const audience = await audienceOf(ctx, trx);
    const [rows, unread] = await Promise.all([findUnreadNotices(trx, audience, NOTICE_LIMIT), countUnreadNotices(trx, audience)]);
    return {
      unread,
      notices: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        caseNumber: r.number,
        kind: r.kind,
        level: r.level as CaseLevel,
        message: r.message,
        createdAt: new Date(r.created_at).toISOString(),
        light: r.light,
      })),
    };
  });
}

/** Marks a notice read (only one addressed to the caller). */
export async function readCaseNotice({ ctx, noticeId }: { ctx: RequestContext; noticeId: unknown }): Promise<{ ok: true }> {
  const scope = authorize(ctx, "case.read");
  const id = parseInput(CaseIdSchema, noticeId);
  return inScope(ctx.db, scope, async (trx) => {
    if (!(await markNoticeRead(trx, await audienceOf(ctx, trx), id, ctx.actor.userId))) throw new DomainError("NOT_FOUND");
    return { ok: true as const };
  });
}

/**
 * Clears the caller's notices about one case when the caller acts on it (签收, 处置, 反馈, a dispatch …): the
 * notices addressed to the units they act for and to their offices' level and area are marked read, so the
 * bell shows only cases still waiting for them. Runs inside the step's transaction, before the step's own
 * notices are written.
 */
export async function clearCaseNoticesOnAction(trx: RequestContext["db"], ctx: RequestContext, caseId: number): Promise<number> {
  if (ctx.actor.userId === null) return 0;
  return markCaseNoticesRead(trx, await audienceOf(ctx, trx), caseId, ctx.actor.userId);
}
