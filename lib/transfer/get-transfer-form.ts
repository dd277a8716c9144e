import "server-only";
import {
  findAllPositions,
  findDepartmentsInScope,
  findStaffAreaPaths,
  findStaffBrief,
  findStaffByPrefix,
} from "../../db/queries/transfer";
import { authorize } from "../auth/authorize";
import { scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError } from "../errors";
import { beijingDay } from "../format/time";
import { t } from "../i18n";
import { postLabel } from "./dto";

export type TransferFormDto = {
  staff: {
    id: number;
    name: string;
    staffNo: string;
    version: number;
    department: string;
    position: string;
    post: string;
  } | null;
  /** People matching the picker's query (when no person is chosen yet). */
  matches: { id: number; name: string; staffNo: string; department: string }[];
  departments: { id: number; label: string }[];
  positions: { id: number; name: string; gridRole: string | null }[];
  today: string;
};

/**
 * What the new-transfer form needs: the person (from the staff detail's link, ?staffId=) with where they are
 * now, or the people matching a name or staff number; the departments of the caller's area and the positions.
 */
export async function getTransferForm({
  ctx,
  staffId,
  q,
}: {
  ctx: RequestContext;
  staffId?: number;
  q?: string;
}): Promise<TransferFormDto> {
  const scope = authorize(ctx, "transfer.request");
  const today = beijingDay();
  let staff: TransferFormDto["staff"] = null;
  if (staffId !== undefined) {
    const paths = await findStaffAreaPaths(ctx.db, staffId);
    const brief = paths.some((p) => scopeContains(scope, p)) ? await findStaffBrief(ctx.db, staffId, today) : undefined;
    if (!brief) throw new DomainError("NOT_FOUND", t.transfer.errors.staffNotFound);
    staff = {
      id: brief.id,
      name: brief.name,
      staffNo: brief.staffNo,
      version: brief.version,
      department: brief.department,
      position: brief.position,
      post: postLabel(brief.postRegion, brief.postRole),
    };
  }
  const query = q?.trim().slice(0, 50);
  const matches = !staff && query ? await findStaffByPrefix(ctx.db, scope, query) : [];
  const departments = (await findDepartmentsInScope(ctx.db, scope)).map((d) => ({
    id: d.id,
    label: `${d.name}（${d.regionName}）`,
  }));
  return { staff, matches, departments, positions: await findAllPositions(ctx.db), today };
}
