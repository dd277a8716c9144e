import { z } from "zod";
import { idSchema } from "../id";
import { errorMessages } from "../i18n/zh-CN/errors";
import { org } from "../i18n/zh-CN/org";
import { validateIdNumber } from "../pii/id-number";

const e = org.errors;

/** Query-string and form values arrive as "" when left empty: treat that as "not given". */
export const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsUndefined, schema.optional());

export const StaffId = idSchema(errorMessages.invalidId, "bigint");
export const DepartmentId = idSchema(errorMessages.invalidId, "int4");
const SmallId = idSchema(errorMessages.invalidId, "int4");

/** A calendar day YYYY-MM-DD that exists (no 2月30日), between 1900 and 2199. */
export const Day = z
  .string({ error: e.date })
  .trim()
  .regex(/^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$/, e.date)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, e.date);

export const GRID_ROLES = ["grid_head", "full_time", "part_time"] as const;
export type GridRole = (typeof GRID_ROLES)[number];
export const DEPARTMENT_KINDS = ["command", "office", "section", "grid_office", "bureau"] as const;
export const STAFF_STATUSES = ["in_service", "left", "all"] as const;

const StaffNo = z
  .string({ error: e.staffNoFormat })
  .trim()
  .regex(/^[A-Za-z0-9-]{1,32}$/, e.staffNoFormat);
const Name = z.string({ error: e.nameRequired }).trim().min(1, e.nameRequired).max(50, e.nameTooLong);
const Gender = z.enum(["male", "female"], { error: e.gender });

/** An identity number with a valid GB 11643 check character, normalised (upper-case X). */
export const IdNumber = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const check = validateIdNumber(value);
    if (!check.valid) {
      ctx.addIssue({ code: "custom", message: check.message });
      return z.NEVER;
    }
    return check.idNumber;
  });

/** A mobile (11 digits) or a landline with its area code; spaces and dashes dropped. */
export const Phone = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, ""))
  .refine((v) => /^1[3-9][0-9]{9}$/.test(v) || /^0[1-9][0-9]{1,2}[0-9]{7,8}$/.test(v), e.phoneFormat);

// ---- grid gaps -------------------------------------------------------------------------------------------

export const ListGridGapsInput = z.object({
  /** Narrow to a region of the caller's area (a street, community or 小区). */
  regionId: optional(SmallId),
  /** Posts ending within this many days count as gaps too (default 30). */
  horizonDays: z.number().int().min(0).max(366).default(30),
  limit: z.number().int().min(1).max(2000).default(500),
});
export type ListGridGapsInput = z.input<typeof ListGridGapsInput>;

// ---- departments -----------------------------------------------------------------------------------------

export const DepartmentIdInput = z.object({ id: DepartmentId });
export type DepartmentIdInput = z.input<typeof DepartmentIdInput>;

const DepartmentName = z
  .string({ error: org.department.errors.nameRequired })
  .trim()
  .min(1, org.department.errors.nameRequired)
  .max(100, org.department.errors.nameTooLong);
const DepartmentKind = z.enum(DEPARTMENT_KINDS, { error: org.department.errors.kind });

export const CreateDepartmentInput = z.object({
  code: z
    .string({ error: org.department.errors.codeFormat })
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, org.department.errors.codeFormat),
  name: DepartmentName,
  kind: DepartmentKind,
  regionId: idSchema(org.department.errors.regionRequired, "int4"),
  parentId: optional(DepartmentId),
  sortOrder: z.number().int().min(-100000).max(100000).default(0),
  validFrom: optional(Day),
});
export type CreateDepartmentInput = z.input<typeof CreateDepartmentInput>;

export const UpdateDepartmentInput = z.object({
  id: DepartmentId,
  name: DepartmentName.optional(),
  kind: DepartmentKind.optional(),
  /** null: make it a top-level department. */
  parentId: z.union([DepartmentId, z.null()]).optional(),
  sortOrder: z.number().int().min(-100000).max(100000).optional(),
});
export type UpdateDepartmentInput = z.input<typeof UpdateDepartmentInput>;

export const CloseDepartmentInput = z.object({ id: DepartmentId, validTo: Day });
export type CloseDepartmentInput = z.input<typeof CloseDepartmentInput>;

// ---- staff -----------------------------------------------------------------------------------------------

export const StaffIdInput = z.object({ id: StaffId });
export type StaffIdInput = z.input<typeof StaffIdInput>;

/** The staff list's filters, as they come from the URL (strings) or a caller (numbers). */
export const ListStaffInput = z.object({
  department: optional(DepartmentId),
  position: optional(SmallId),
  rank: optional(SmallId),
  gridRole: optional(z.enum(GRID_ROLES, { error: e.gridRole })),
  status: z.preprocess(blankAsUndefined, z.enum(STAFF_STATUSES, { error: e.query }).default("in_service")),
  q: optional(z.string().trim().min(1).max(50)),
  /** The staff number after which the page starts (keyset). */
  after: optional(z.string().regex(/^[A-Za-z0-9-]{1,32}$/, e.badCursor)),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListStaffInput = z.input<typeof ListStaffInput>;
export type StaffFilter = z.output<typeof ListStaffInput>;

export const CreateStaffInput = z
  .object({
    staffNo: StaffNo,
    name: Name,
    gender: optional(Gender),
    departmentId: idSchema(e.departmentRequired, "int4"),
    positionId: SmallId,
    rankId: SmallId,
    hireDate: z.preprocess(blankAsUndefined, Day),
    leaveDate: optional(Day),
    idNumber: optional(IdNumber),
    phone: optional(Phone),
    userId: optional(idSchema(e.userNotFound, "bigint")),
  })
  .refine((v) => v.leaveDate === undefined || v.leaveDate >= v.hireDate, { message: e.leaveBeforeHire, path: ["leaveDate"] });
export type CreateStaffInput = z.input<typeof CreateStaffInput>;

export const JOB_CHANGE_REASONS = ["promotion", "correction"] as const;

export const UpdateStaffInput = z.object({
  id: StaffId,
  /** The version the editor read: a save over a newer version is refused (409). */
  version: idSchema(e.versionRequired, "int4"),
  name: Name.optional(),
  gender: z.union([Gender, z.null()]).optional(),
  departmentId: DepartmentId.optional(),
  positionId: SmallId.optional(),
  rankId: SmallId.optional(),
  hireDate: Day.optional(),
  /** null: back in service. */
  leaveDate: z.union([Day, z.null()]).optional(),
  idNumber: optional(IdNumber),
  phone: optional(Phone),
  /** When a department/position/rank change takes effect (default today) and why. */
  effectiveDate: optional(Day),
  changeReason: optional(z.enum(JOB_CHANGE_REASONS, { error: e.reasonRequired })),
  note: optional(z.string().trim().max(200)),
});
export type UpdateStaffInput = z.input<typeof UpdateStaffInput>;

export const RevealStaffFieldInput = z.object({
  id: StaffId,
  field: z.enum(["id_number", "phone"], { error: e.unknownField }),
  reason: z
    .string({ error: e.revealReasonRequired })
    .trim()
    .min(1, e.revealReasonRequired)
    .min(4, e.revealReasonTooShort)
    .max(200, e.revealReasonTooLong),
});
export type RevealStaffFieldInput = z.input<typeof RevealStaffFieldInput>;

// ---- grid posts ------------------------------------------------------------------------------------------

export const AssignGridPostInput = z
  .object({
    staffId: StaffId,
    regionId: idSchema(e.regionNotFound, "int4"),
    gridRole: z.enum(GRID_ROLES, { error: e.gridRole }),
    validFrom: Day,
    validTo: optional(Day),
  })
  .refine((v) => v.validTo === undefined || v.validTo > v.validFrom, { message: e.postEndBeforeStart, path: ["validTo"] });
export type AssignGridPostInput = z.input<typeof AssignGridPostInput>;

export const EndGridPostInput = z.object({ id: StaffId, validTo: Day });
export type EndGridPostInput = z.input<typeof EndGridPostInput>;
