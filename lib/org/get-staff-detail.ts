import "server-only";
import { findPostsOfStaff } from "../../db/queries/grid-post";
import { findStaffDetail, findStaffJobs } from "../../db/queries/staff";
import { inScope } from "../../db/queries/scope";
import { authorize, can } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import { recordPiiAccess } from "../pii/record-pii-access";
import type { StaffDetailDto } from "./dto";
import { StaffIdInput } from "./schemas";
import { toGridPostDto, toStaffJobDto, toStaffSummaryDto } from "./to-dto";

/**
 * 人员档案: one person of the caller's area with job history and grid posts, personal data masked. Every
 * view is logged ("view"/"detail" with the staff id) in the same transaction as the read. An unknown id and
 * an id outside the area give the same NOT_FOUND, so the answer never tells whether such a person exists.
 */
export async function getStaffDetail({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: StaffIdInput;
  now?: Date;
}): Promise<StaffDetailDto> {
  const scope = authorize(ctx, "staff.read");
  const { id } = parseInput(StaffIdInput, input);
  const today = beijingDay(now);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const row = await findStaffDetail(trx, id, scope, today);
      if (!row) throw new DomainError("NOT_FOUND", org.staff.notFound);
      const jobs = await findStaffJobs(trx, id);
      const posts = await findPostsOfStaff(trx, id);
      await recordPiiAccess(trx, ctx, { kind: "view", field: "detail", staffId: id, regionId: row.departmentRegionId });
      return {
        ...toStaffSummaryDto(row, today),
        gender: row.gender,
        positionId: row.positionId,
        rankId: row.rankId,
        departmentPath: row.departmentPath,
        username: row.username,
        hasPhoto: row.hasPhoto,
        version: row.version,
        jobs: jobs.map(toStaffJobDto),
        gridPosts: posts.map((p) => toGridPostDto(p, today)),
        canReveal: can(ctx, "staff.reveal"),
        canManage: can(ctx, "staff.manage"),
      };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
