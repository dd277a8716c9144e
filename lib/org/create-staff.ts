import "server-only";
import { findDistrictCode, insertStaff, insertStaffJob } from "../../db/queries/staff";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput, wrapDatabaseError } from "../errors";
import { maskIdNumber, maskPhone } from "../pii/mask";
import { CreateStaffInput } from "./schemas";
import { checkJobRefs, protectIdNumber, protectPhone, staffConstraintError } from "./staff-rules";

/**
 * 新增人员 (staff.manage): a record in a department of the caller's area, its first job row (reason hire,
 * from the hire date), the identity number and phone encrypted with hash and masked copy; audited without
 * the clear values.
 */
export async function createStaff({ ctx, input }: { ctx: RequestContext; input: CreateStaffInput }): Promise<{ id: number }> {
  const scope = authorize(ctx, "staff.manage");
  const v = parseInput(CreateStaffInput, input);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      await checkJobRefs(trx, scope, v, v.hireDate);
      const id = await insertStaff(trx, {
        staffNo: v.staffNo,
        name: v.name,
        gender: v.gender ?? null,
        departmentId: v.departmentId,
        positionId: v.positionId,
        rankId: v.rankId,
        hireDate: v.hireDate,
        leaveDate: v.leaveDate ?? null,
        ...(v.idNumber ? protectIdNumber(v.idNumber) : { idNumberCipher: null, idNumberHash: null, idNumberMasked: null }),
        ...(v.phone ? protectPhone(v.phone) : { phoneCipher: null, phoneMasked: null }),
        userId: v.userId ?? null,
        districtCode: (await findDistrictCode(trx)) ?? "",
      });
      await insertStaffJob(trx, {
        staffId: id,
        departmentId: v.departmentId,
        positionId: v.positionId,
        rankId: v.rankId,
        validFrom: v.hireDate,
        reason: "hire",
        note: null,
      });
      await recordAudit(trx, ctx, {
        action: "staff.create",
        entity: "staff",
        entityId: id,
        after: {
          staffNo: v.staffNo,
          name: v.name,
          departmentId: v.departmentId,
          positionId: v.positionId,
          rankId: v.rankId,
          hireDate: v.hireDate,
          leaveDate: v.leaveDate ?? null,
          idNumber: v.idNumber ? maskIdNumber(v.idNumber) : null,
          phone: v.phone ? maskPhone(v.phone) : null,
          userId: v.userId ?? null,
        },
      });
      return { id };
    });
  } catch (error) {
    throw wrapDatabaseError(staffConstraintError(error));
  }
}
