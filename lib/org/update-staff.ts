import "server-only";
import { endPostsOfStaffOn } from "../../db/queries/grid-post";
import { findStaffDetail, updateStaffAtVersion, type StaffPatch } from "../../db/queries/staff";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import { maskIdNumber, maskPhone } from "../pii/mask";
import { applyJobChange } from "./apply-job-change";
import { UpdateStaffInput } from "./schemas";
import { checkJobRefs, protectIdNumber, protectPhone, staffConstraintError } from "./staff-rules";

const e = org.errors;

/**
 * 编辑人员档案 (staff.manage) with an optimistic lock: the edit names the version it read; if someone saved in
 * between, CONFLICT (409) with 「该人员档案已被他人修改…」 and nothing changes. A change of department,
 * position or rank needs a reason (promotion or correction) and an effective date (default today) and writes
 * the job history; a leave date ends the person's grid posts on that day. Audited in the same transaction.
 */
export async function updateStaff({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: UpdateStaffInput;
  now?: Date;
}): Promise<{ id: number; version: number }> {
  const scope = authorize(ctx, "staff.manage");
  const v = parseInput(UpdateStaffInput, input);
  const today = beijingDay(now);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const before = await findStaffDetail(trx, v.id, scope, today);
      if (!before) throw new DomainError("NOT_FOUND", org.staff.notFound);
      if (before.version !== v.version) throw new DomainError("CONFLICT", e.staleEdit, { details: { version: e.staleEdit } });

      const refs = {
        departmentId: v.departmentId ?? before.departmentId,
        positionId: v.positionId ?? before.positionId,
        rankId: v.rankId ?? before.rankId,
      };
      const jobChanged =
        refs.departmentId !== before.departmentId || refs.positionId !== before.positionId || refs.rankId !== before.rankId;
      const hireDate = v.hireDate ?? before.hireDate;
      const leaveDate = v.leaveDate === undefined ? before.leaveDate : v.leaveDate;
      if (leaveDate !== null && leaveDate < hireDate)
        throw new DomainError("VALIDATION", e.leaveBeforeHire, { details: { leaveDate: e.leaveBeforeHire } });

      let jobNote: string | null = null;
      if (jobChanged) {
        if (!v.changeReason)
          throw new DomainError("VALIDATION", e.reasonRequired, { details: { changeReason: e.reasonRequired } });
        const effective = v.effectiveDate ?? today;
        await checkJobRefs(trx, scope, refs, effective);
        await applyJobChange(trx, { staffId: v.id, ...refs, validFrom: effective, reason: v.changeReason, note: v.note ?? null });
        jobNote = `${effective} ${v.changeReason}`;
      }

      const patch: StaffPatch = { ...refs, hireDate, leaveDate };
      if (v.name !== undefined) patch.name = v.name;
      if (v.gender !== undefined) patch.gender = v.gender;
      if (v.idNumber !== undefined) Object.assign(patch, protectIdNumber(v.idNumber));
      if (v.phone !== undefined) Object.assign(patch, protectPhone(v.phone));
      const version = await updateStaffAtVersion(trx, v.id, v.version, patch);
      if (version === null) throw new DomainError("CONFLICT", e.staleEdit, { details: { version: e.staleEdit } });

      const postsEnded = leaveDate !== null && leaveDate !== before.leaveDate ? await endPostsOfStaffOn(trx, v.id, leaveDate) : 0;
      await recordAudit(trx, ctx, {
        action: "staff.update",
        entity: "staff",
        entityId: v.id,
        before: {
          name: before.name,
          gender: before.gender,
          departmentId: before.departmentId,
          positionId: before.positionId,
          rankId: before.rankId,
          hireDate: before.hireDate,
          leaveDate: before.leaveDate,
          idNumber: before.idNumberMasked,
          phone: before.phoneMasked,
          version: before.version,
        },
        after: {
          name: patch.name ?? before.name,
          gender: patch.gender === undefined ? before.gender : patch.gender,
          ...refs,
          hireDate,
          leaveDate,
          idNumber: v.idNumber ? maskIdNumber(v.idNumber) : before.idNumberMasked,
          phone: v.phone ? maskPhone(v.phone) : before.phoneMasked,
          version,
          job: jobNote,
          postsEnded,
        },
      });
      return { id: v.id, version };
    });
  } catch (error) {
    throw wrapDatabaseError(staffConstraintError(error));
  }
}
