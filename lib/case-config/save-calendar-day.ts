import "server-only";
import { findCalendarDayRow, insertCalendarDay, updateCalendarDay } from "../../db/queries/case-config-admin";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { configChange, staleOrGone } from "./rules";
import { SaveCalendarDayInput } from "./schemas";

const e = caseDesk.config.errors;

/**
 * Adds a day to the working calendar (no expectedVersion) — a statutory holiday or a swapped working
 * weekend day (调休上班) — or changes its kind and name (case.configure). The date is the key: to move a
 * day, delete it and add the new one. Deadlines computed from now on use the new calendar.
 */
export async function saveCalendarDay({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: SaveCalendarDayInput;
}): Promise<{ day: string; version: number }> {
  authorize(ctx, "case.configure");
  const v = parseInput(SaveCalendarDayInput, input);
  return configChange(
    ctx,
    async (trx) => {
      if (v.expectedVersion === undefined) {
        if (await findCalendarDayRow(trx, v.day)) throw new DomainError("CONFLICT", e.dayExists(v.day));
        const created = await insertCalendarDay(trx, { day: v.day, kind: v.kind, name: v.name, statutory: v.statutory });
        await recordAudit(trx, ctx, {
          action: "case_config.calendar_day.create",
          entity: "calendar_day",
          entityId: v.day,
          after: created,
        });
        return { day: created.day, version: created.version };
      }
      const before = await findCalendarDayRow(trx, v.day);
      if (!before) staleOrGone(undefined);
      const updated = await updateCalendarDay(trx, v.day, v.expectedVersion, {
        kind: v.kind,
        name: v.name,
        statutory: v.statutory,
      });
      if (!updated) staleOrGone(before);
      await recordAudit(trx, ctx, {
        action: "case_config.calendar_day.update",
        entity: "calendar_day",
        entityId: v.day,
        before,
        after: updated,
      });
      return { day: updated.day, version: updated.version };
    },
    e.dayExists(v.day),
  );
}
