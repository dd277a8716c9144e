import "server-only";
import { findCaseSummaries } from "../../db/queries/case-read";
import { findUnitIdsOfUser } from "../../db/queries/case";
import { findOfficeQueue, findOwnReports, findUnitQueue, findVerifyQueue } from "../../db/queries/case-tasks";
import { inScope } from "../../db/queries/scope";
import { authorize, can } from "../auth/authorize";
import type { Role } from "../auth/roles";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import type { CaseSummaryDto } from "./case-dto";
import { ROLE_CASE_GRANTS } from "./case-grants";
import type { CaseLevel } from "./case-states";
import type { GrantKind } from "./case-transitions";
import { toCaseSummaryDto } from "./to-case-dto";

export type TaskSectionKind = "handle" | "verify" | "office" | "mine";

export type TaskItemDto = CaseSummaryDto & {
  /** In the handle section: the caller's unit is a co-unit (协办), not the lead unit. */
  coUnit: boolean;
};

export type TaskSectionDto = { kind: TaskSectionKind; items: TaskItemDto[]; /** more than the page shows */ truncated: boolean };

export type MyTasksDto = { sections: TaskSectionDto[] };

const PER_SECTION = 50;
const OWN_REPORTS = 20;
const OWN_REPORTS_DAYS = 30;

/**
 * 我的任务: what waits for the caller, by what the caller is in the loop.
 * - handle: a unit the caller acts for (a department handler's department) is the lead or a co-unit of a
 *   case that is dispatched, acknowledged or handled;
 * - verify: a case reported back or under verification in an area and at a level where a role of the
 *   caller verifies (a grid worker: every case of the own grid), never the caller's own report and never a
 *   case the caller's unit handled (采办分离);
 * - office: a case reported, filed or returned at the level of an office role (the street sub-centre's
 *   street-level cases …), waiting to be filed, cancelled or dispatched;
 * - mine: the caller's own reports of the last 30 days with their state (grid workers always see it).
 * Needs case.read; all inside the case.read scope.
 */
export async function listMyTasks({ ctx }: { ctx: RequestContext }): Promise<MyTasksDto> {
  const scope = authorize(ctx, "case.read");
  const userId = ctx.actor.userId;
  const acting = can(ctx, "case.act") ? ctx.actor.assignments : [];
  const offices = acting.flatMap((a) =>
    levelsWith(a.role, ["operator", "dispatcher"]).map((level) => ({ level, path: a.regionPath })),
  );
  const verifiers = acting
    .map((a) => ({ levels: levelsWith(a.role, ["verifier"]), path: a.regionPath }))
    .filter((a) => a.levels.length > 0);
  const reports = can(ctx, "case.report");
  const isGridWorker = ctx.actor.assignments.some((a) => a.role === "grid_worker");
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const unitIds = acting.length > 0 ? await findUnitIdsOfUser(trx, userId) : [];
      const queues: { kind: TaskSectionKind; ids: number[]; truncated: boolean }[] = [];
      let coOnly = new Set<number>();
      if (unitIds.length > 0) {
        const { coOnly: co, ...queue } = await findUnitQueue(trx, { scope, unitIds, limit: PER_SECTION });
        coOnly = new Set(co);
        queues.push({ kind: "handle", ...queue });
      }
      if (verifiers.length > 0 && userId !== null)
        queues.push({
          kind: "verify",
          ...(await findVerifyQueue(trx, { scope, areas: verifiers, userId, unitIds, limit: PER_SECTION })),
        });
      if (offices.length > 0)
        queues.push({ kind: "office", ...(await findOfficeQueue(trx, { scope, offices, limit: PER_SECTION })) });
      if (reports && userId !== null) {
        const since = new Date(Date.now() - OWN_REPORTS_DAYS * 86_400_000);
        const own = await findOwnReports(trx, { scope, userId, since, limit: OWN_REPORTS });
        if (isGridWorker || own.ids.length > 0) queues.push({ kind: "mine", ...own });
      }
      const rows = await findCaseSummaries(trx, [...new Set(queues.flatMap((q) => q.ids))]);
      const byId = new Map(rows.map((r) => [r.id, toCaseSummaryDto(r)]));
      return {
        sections: queues.map((q) => ({
          kind: q.kind,
          truncated: q.truncated,
          items: q.ids.flatMap((id) => {
            const summary = byId.get(id);
            return summary ? [{ ...summary, coUnit: q.kind === "handle" && coOnly.has(id) }] : [];
          }),
        })),
      };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}

/** The levels at which `role` holds any of these grants (case-grants.ts). */
function levelsWith(role: Role, kinds: readonly GrantKind[]): CaseLevel[] {
  return [...new Set(ROLE_CASE_GRANTS[role].filter((g) => kinds.includes(g.kind)).map((g) => g.level))];
}
