import { z } from "zod";
import { idSchema } from "../id";
import { t } from "../i18n";

const text = t.transfer.errors;

/** Query-string and form values arrive as "" when left empty: treat that as "not given". */
const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const GridRole = z.enum(["grid_head", "full_time", "part_time"]);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");
const Note = z.preprocess(blankAsUndefined, z.string().trim().max(500).optional());

export const RequestTransferInput = z.object({
  staffId: idSchema(text.staffNotFound, "bigint"),
  /** The person's version as the form read it: a change meanwhile makes the request stale (409). */
  staffVersion: idSchema(text.staleStaff, "int4"),
  toDepartmentId: idSchema(text.departmentNotFound, "int4"),
  toPositionId: idSchema(text.positionNotFound, "int4"),
  toRegionId: z.preprocess(blankAsUndefined, idSchema(text.regionNotFound, "int4").optional()),
  toGridRole: z.preprocess(blankAsUndefined, GridRole.optional()),
  reason: z.string({ error: text.reasonRequired }).trim().min(1, text.reasonRequired).max(500),
  effectiveDate: Day,
  /** The form's own id: submitting the same form twice makes one transfer. */
  requestId: z.uuid(),
});
export type RequestTransferInput = z.input<typeof RequestTransferInput>;

export const DecideTransferInput = z.object({
  transferId: idSchema(text.transferNotFound, "bigint"),
  side: z.enum(["release", "receive"]),
  expectedVersion: idSchema(text.staleTransfer, "int4"),
  note: Note,
});
export type DecideTransferInput = z.input<typeof DecideTransferInput>;

export const CancelTransferInput = z.object({
  transferId: idSchema(text.transferNotFound, "bigint"),
  expectedVersion: idSchema(text.staleTransfer, "int4"),
  note: Note,
});
export type CancelTransferInput = z.input<typeof CancelTransferInput>;

export const TRANSFER_TABS = ["mine", "outgoing", "incoming", "done"] as const;

export const ListTransfersInput = z.object({
  tab: z.preprocess(blankAsUndefined, z.enum(TRANSFER_TABS).default("mine")),
  q: z.preprocess(blankAsUndefined, z.string().trim().max(50).optional()),
  before: z.preprocess(blankAsUndefined, idSchema(undefined, "bigint").optional()),
});
export type ListTransfersInput = z.input<typeof ListTransfersInput>;
