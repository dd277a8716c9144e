import "server-only";
import { deleteCalendarDay as deleteRow, findCalendarDayRow } from "../../db/queries/case-config-admin";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput } from "../errors";
import { configChange, staleOrGone } from "./rules";
import { DeleteCalendarDayInput } from "./schemas";

/** Removes a day from the working calendar at the version the editor saw (case.configure). */
export async function deleteCalendarDay({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: DeleteCalendarDayInput;
}): Promise<{ day: string }> {
  authorize(ctx, "case.configure");
  const { day, expectedVersion } = parseInput(DeleteCalendarDayInput, input);
  return configChange(ctx, async (trx) => {
    const before = await findCalendarDayRow(trx, day);
    if (!before) staleOrGone(undefined);
    const deleted = await deleteRow(trx, day, expectedVersion);
    if (!deleted) staleOrGone(before);
    await recordAudit(trx, ctx, {
      action: "case_config.calendar_day.delete",
      entity: "calendar_day",
      entityId: day,
      before: deleted,
    });
    return { day };
  });
}
