import "server-only";
import { findDepartmentsByCodes, findPositions, findRanks } from "../../db/queries/department";
import { findDistrictCode, findTakenIdHashes, findTakenStaffNos, insertStaff, insertStaffJob } from "../../db/queries/staff";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import { validateIdNumber } from "../pii/id-number";
import { hashIdNumber } from "../pii/protect";
import { readStaffFile, type StaffFileRow } from "./read-staff-file";
import { Day, Phone } from "./schemas";
import { protectIdNumber, protectPhone, staffConstraintError } from "./staff-rules";

export type StaffImportResult = {
  /** People created (0 whenever a row had a problem: the file is imported whole or not at all). */
  imported: number;
  /** Rows whose staff number already exists: left as they are, so importing the same file again adds nobody. */
  skipped: number;
  /** Problems per row (line as in the file), in Chinese. */
  errors: { line: number; messages: string[] }[];
};

type ValidRow = {
  line: number;
  staffNo: string;
  name: string;
  gender: "male" | "female" | null;
  departmentId: number;
  positionId: number;
  rankId: number;
  hireDate: string;
  idNumber: string | null;
  phone: string | null;
};

const GENDERS = org.import.genderWords;

/**
 * 批量导入人员 (staff.manage) from xlsx or CSV. All or nothing: every row is checked first (required cells,
 * staff number format and duplicates in the file, department code inside the caller's area, position and
 * rank codes, dates, identity number check digit and duplicates, phone); if any row has a problem nothing
 * is written and every problem is listed by line. Rows whose staff number already exists are skipped, so a
 * re-import of the same file creates nobody twice. Valid files go in one transaction with one job row
 * (reason import) per person and one audit row.
 */
export async function importStaff({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: { fileName: string; bytes: Uint8Array };
  now?: Date;
}): Promise<StaffImportResult> {
  const scope = authorize(ctx, "staff.manage");
  const rows = await readStaffFile(input.fileName, input.bytes);
  const today = beijingDay(now);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const e = org.import.errors;
      const cols = org.import.columns;
      const departments = new Map(
        (await findDepartmentsByCodes(trx, [...new Set(rows.map((r) => r.cells.departmentCode))], scope, today))
          .filter((d) => d.validTo === null || d.validTo > today)
          .map((d) => [d.code, d.id]),
      );
      const positions = new Map((await findPositions(trx)).map((p) => [p.code, p.id]));
      const ranks = new Map((await findRanks(trx)).map((r) => [r.code, r.id]));
      const taken = await findTakenStaffNos(trx, rows.map((r) => r.cells.staffNo).filter(Boolean));

      const errors: StaffImportResult["errors"] = [];
      const valid: ValidRow[] = [];
      const seenNo = new Map<string, number>();
      const seenId = new Map<string, number>();
      let skipped = 0;
      for (const row of rows) {
        const problems: string[] = [];
        const c = row.cells;
        for (const key of ["staffNo", "name", "departmentCode", "positionCode", "rankCode", "hireDate"] as const)
          if (c[key] === "") problems.push(e.required(cols[key]));
        if (c.staffNo !== "" && !/^[A-Za-z0-9-]{1,32}$/.test(c.staffNo)) problems.push(org.errors.staffNoFormat);
        if (c.staffNo !== "" && seenNo.has(c.staffNo)) problems.push(e.duplicateInFile(seenNo.get(c.staffNo)!));
        if (c.staffNo !== "" && !seenNo.has(c.staffNo)) seenNo.set(c.staffNo, row.line);
        if (c.name.length > 50) problems.push(org.errors.nameTooLong);
        const gender = c.gender === "" ? null : (GENDERS[c.gender.toLowerCase()] ?? undefined);
        if (gender === undefined) problems.push(org.errors.gender);
        const departmentId = departments.get(c.departmentCode);
        if (c.departmentCode !== "" && departmentId === undefined) problems.push(e.unknownDepartment(c.departmentCode));
        const positionId = positions.get(c.positionCode);
        if (c.positionCode !== "" && positionId === undefined) problems.push(e.unknownPosition(c.positionCode));
        const rankId = ranks.get(c.rankCode);
        if (c.rankCode !== "" && rankId === undefined) problems.push(e.unknownRank(c.rankCode));
        const hire = Day.safeParse(c.hireDate);
        if (c.hireDate !== "" && !hire.success) problems.push(e.badDate(cols.hireDate));
        let idNumber: string | null = null;
        if (c.idNumber !== "") {
          const check = validateIdNumber(c.idNumber, now);
          if (!check.valid) problems.push(e.badIdNumber(check.message));
          else {
            idNumber = check.idNumber;
            if (seenId.has(idNumber)) problems.push(e.duplicateIdInFile(seenId.get(idNumber)!));
            else seenId.set(idNumber, row.line);
          }
        }
        const phone = c.phone === "" ? null : Phone.safeParse(c.phone);
        if (phone && !phone.success) problems.push(org.errors.phoneFormat);
        if (problems.length > 0) {
          errors.push({ line: row.line, messages: problems });
          continue;
        }
        if (taken.has(c.staffNo)) {
          skipped++;
          continue;
        }
        valid.push({
          line: row.line,
          staffNo: c.staffNo,
          name: c.name,
          gender: gender ?? null,
          departmentId: departmentId!,
          positionId: positionId!,
          rankId: rankId!,
          hireDate: hire.data!,
          idNumber,
          phone: phone?.success ? phone.data : null,
        });
      }
      // Identity numbers already on record under another staff number.
      const withId = valid.filter((v) => v.idNumber !== null);
      const takenIds = await findTakenIdHashes(
        trx,
        withId.map((v) => hashIdNumber(v.idNumber!)),
      );
      for (const v of withId)
        if (takenIds.has(hashIdNumber(v.idNumber!).toString("hex"))) errors.push({ line: v.line, messages: [e.idNumberTaken] });
      if (errors.length > 0) {
        errors.sort((a, b) => a.line - b.line);
        return { imported: 0, skipped, errors };
      }

      const districtCode = (await findDistrictCode(trx)) ?? "";
      const ids: number[] = [];
      for (const v of valid) {
        const id = await insertStaff(trx, {
          staffNo: v.staffNo,
          name: v.name,
          gender: v.gender,
          departmentId: v.departmentId,
          positionId: v.positionId,
          rankId: v.rankId,
          hireDate: v.hireDate,
          leaveDate: null,
          ...(v.idNumber ? protectIdNumber(v.idNumber) : { idNumberCipher: null, idNumberHash: null, idNumberMasked: null }),
          ...(v.phone ? protectPhone(v.phone) : { phoneCipher: null, phoneMasked: null }),
          userId: null,
          districtCode,
        });
        await insertStaffJob(trx, {
          staffId: id,
          departmentId: v.departmentId,
          positionId: v.positionId,
          rankId: v.rankId,
          validFrom: v.hireDate,
          reason: "import",
          note: null,
        });
        ids.push(id);
      }
      await recordAudit(trx, ctx, {
        action: "staff.import",
        entity: "staff",
        entityId: null,
        after: { fileName: input.fileName, rows: rows.length, imported: ids.length, skipped, staffIds: ids },
      });
      return { imported: ids.length, skipped, errors: [] };
    });
  } catch (error) {
    throw wrapDatabaseError(staffConstraintError(error));
  }
}

export type { StaffFileRow };
