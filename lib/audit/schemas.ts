import { z } from "zod";
import { idSchema } from "../id";
import { audit } from "../i18n/zh-CN/audit";
import { errorMessages } from "../i18n/zh-CN/errors";

const text = audit.errors;

/** Query-string values arrive as "" when a filter is cleared: treat that as "not given". */
const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsUndefined, schema.optional());

const IsoDay = z
  .string()
  .trim()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, text.badDate)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, text.badDate);

const Cursor = idSchema(text.badCursor, "bigint");

const Login = z.string().trim().toLowerCase().max(32);

const page = {
  from: optional(IsoDay),
  to: optional(IsoDay),
  before: optional(Cursor),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

const datesInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;

export const PII_KINDS = ["reveal", "view", "export", "lookup"] as const;
export const PII_FIELDS = ["id_number", "phone", "name", "detail", "list"] as const;

export const ListPiiAccessLogInput = z
  .object({
    user: optional(Login),
    kind: optional(z.enum(PII_KINDS, { error: text.badKind })),
    field: optional(z.enum(PII_FIELDS, { error: text.badField })),
    residentId: optional(idSchema(errorMessages.invalidId, "bigint")),
    ...page,
  })
  .refine(datesInOrder, { message: text.dateOrder, path: ["to"] });
export type ListPiiAccessLogInput = z.input<typeof ListPiiAccessLogInput>;

export const ListAuditLogInput = z
  .object({
    actor: optional(Login),
    action: optional(z.string().trim().max(64)),
    ...page,
  })
  .refine(datesInOrder, { message: text.dateOrder, path: ["to"] });
export type ListAuditLogInput = z.input<typeof ListAuditLogInput>;
