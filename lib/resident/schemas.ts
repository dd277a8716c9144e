import { z } from "zod";
import { idSchema } from "../id";
import { DomainError, isDomainError, parseInput } from "../errors";
import { errorMessages } from "../i18n/zh-CN/errors";
import { resident } from "../i18n/zh-CN/resident";

const text = resident.errors;

/** A resident id from a URL or a request body (bigint in the database, far below 2^53). */
const ResidentId = idSchema(errorMessages.invalidId, "bigint");

export const ResidentIdInput = z.object({ id: ResidentId });
export type ResidentIdInput = z.input<typeof ResidentIdInput>;

/** Why personal data is shown in clear: required, 4–200 characters after trimming (it goes to the access log). */
export const Reason = z
  .string({ error: text.reasonRequired })
  .trim()
  .min(1, text.reasonRequired)
  .min(4, text.reasonTooShort)
  .max(200, text.reasonTooLong);

export const REVEAL_FIELDS = ["id_number", "phone", "name"] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export const RevealResidentFieldInput = z.object({
  id: ResidentId,
  field: z.enum(REVEAL_FIELDS, { error: text.unknownField }),
  reason: Reason,
});
export type RevealResidentFieldInput = z.input<typeof RevealResidentFieldInput>;

const RegionId = idSchema(text.regionRequired, "int4");

/** Query-string values arrive as "" when a field is left empty: treat that as "not given". */
const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const ExportResidentsInput = z
  .object({
    regionId: RegionId,
    unmasked: z.boolean().default(false),
    reason: z.preprocess(blankAsUndefined, Reason.optional()),
  })
  .refine((v) => !v.unmasked || v.reason !== undefined, { message: text.exportReasonRequired, path: ["reason"] });
export type ExportResidentsInput = z.input<typeof ExportResidentsInput>;

export const ExportRegionStatsInput = z.object({ regionId: RegionId });
export type ExportRegionStatsInput = z.input<typeof ExportRegionStatsInput>;

/**
 * `parseInput`, but the VALIDATION error's message is the first problem's own Chinese text
 * ("查看理由至少 4 个字") instead of the generic one: these forms show one message to the user.
 */
export function parseShowingProblem<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    const first = isDomainError(error) && error.details ? Object.values(error.details)[0] : undefined;
    if (first && isDomainError(error)) throw new DomainError("VALIDATION", first, { cause: error.cause, details: error.details });
    throw error;
  }
}
