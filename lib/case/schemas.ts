import { z } from "zod";
import { idSchema } from "../id";
import { errorMessages } from "../i18n/zh-CN/errors";
import { CASE_ACTIONS, RETURN_REASONS } from "./case-states";
import { CASE_SOURCES } from "./case-dto";
import { LEC_CONSEQUENCE, LEC_EXPOSURE, LEC_LIKELIHOOD } from "./risk";
import { RESOLUTION_ANSWERS, SATISFACTION_LEVELS } from "./ratings";
import { CASE_URGENCIES } from "./time-limits";
import { NOTE_MAX_LENGTH } from "./case-transitions";

/** zod schemas of the case verbs' input (messages are the field names; the verbs add the Chinese text). */

export const CaseIdSchema = idSchema(errorMessages.invalidId, "bigint");

const oneOf = <T extends readonly number[]>(values: T) =>
  z.number().refine((v) => (values as readonly number[]).includes(v), "不在可选范围内");

export const RiskInputSchema = z.object({ l: oneOf(LEC_LIKELIHOOD), e: oneOf(LEC_EXPOSURE), c: oneOf(LEC_CONSEQUENCE) });

/** Longitude/latitude of a point in China (WGS-84); anything else is a typo or a swapped pair. */
const lon = z.number().min(73).max(136);
const lat = z.number().min(3).max(54);

export const ReportCaseSchema = z.object({
  clientRequestId: z.uuid(),
  categoryId: idSchema(errorMessages.invalidId, "int4"),
  description: z.string().trim().min(2, "请填写事件描述（至少 2 个字）").max(4000),
  lon,
  lat,
  address: z.string().trim().max(200).nullish(),
  urgency: z.enum(CASE_URGENCIES).nullish(),
  source: z.enum(CASE_SOURCES).nullish(),
  photoIds: z.array(idSchema(errorMessages.invalidId, "bigint")).max(9).default([]),
  reporterName: z.string().trim().max(40).nullish(),
  reporterPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, "电话号码格式不正确")
    .nullish(),
  risk: RiskInputSchema.nullish(),
});
export type ReportCaseInput = z.infer<typeof ReportCaseSchema>;

export const TransitionCaseSchema = z.object({
  caseId: CaseIdSchema,
  action: z.enum(CASE_ACTIONS),
  expectedVersion: idSchema(errorMessages.invalidId, "int4"),
  requestId: z.uuid(),
  note: z
    .string()
    .max(NOTE_MAX_LENGTH + 1000)
    .nullish(),
  returnReason: z.enum(RETURN_REASONS).nullish(),
  leadUnitId: idSchema(errorMessages.invalidId, "int4").nullish(),
  coUnitIds: z.array(idSchema(errorMessages.invalidId, "int4")).max(10).nullish(),
  satisfaction: z.enum(SATISFACTION_LEVELS).nullish(),
  /** With evaluate: the return visit's "问题是否解决". */
  resolution: z.enum(RESOLUTION_ANSWERS).nullish(),
  discoveryStars: z.number().int().nullish(),
  photoIds: z.array(idSchema(errorMessages.invalidId, "bigint")).max(9).default([]),
  /** With cancel: the case this one duplicates (合并). */
  mergeIntoId: CaseIdSchema.nullish(),
});
export type TransitionCaseInput = z.infer<typeof TransitionCaseSchema>;
