import "server-only";
import { countStaff, findStaffPage } from "../../db/queries/staff";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput, wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import type { StaffPageDto } from "./dto";
import { resolveStaffQuery } from "./resolve-staff-query";
import { ListStaffInput } from "./schemas";
import { toStaffSummaryDto } from "./to-dto";

/**
 * 人员名单: the people of the caller's area (staff.read, `staffWithinScope`), filtered by department subtree,
 * position, rank, grid role, in service or left, and a name (matched literally: % and _ are characters);
 * in staff-number order, in keyset pages that neither skip nor repeat a person. Identity numbers and phones
 * are masked copies only.
 */
export async function listStaff({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: ListStaffInput;
  now?: Date;
}): Promise<StaffPageDto> {
  const scope = authorize(ctx, "staff.read");
  const filter = parseInput(ListStaffInput, input);
  const today = beijingDay(now);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const query = await resolveStaffQuery(trx, scope, filter, today);
      const rows = await findStaffPage(trx, query, { after: filter.after, limit: filter.limit + 1 });
      const page = rows.slice(0, filter.limit);
      const total = await countStaff(trx, query);
      return {
        staff: page.map((r) => toStaffSummaryDto(r, today)),
        nextCursor: rows.length > filter.limit ? page[page.length - 1].staffNo : null,
        total,
      };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
