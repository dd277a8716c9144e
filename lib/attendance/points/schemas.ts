import { z } from "zod";
import { idSchema } from "../../id";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { CIRCLE_MAX_RADIUS_M, CIRCLE_MIN_RADIUS_M } from "./fence-rules";

/** zod schemas of the attendance point verbs; the shape's own limits are PostGIS's to judge (fence-rules.ts). */

const e = attendancePoints.fence.errors;

/** More corners than this are not even sent to PostGIS (the limit the user is told about is far lower). */
const RING_PARSE_LIMIT = 5000;
export const MEMBER_LIMIT = 500;

/** A position, rounded to 7 decimals (about 1 cm): more digits are noise from the screen, not the ground. */
const Position = z
  .tuple([z.number({ error: e.badCoordinate }), z.number({ error: e.badCoordinate })], { error: e.badCoordinate })
  .refine(
    ([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90,
    e.badCoordinate,
  )
  .transform(([lon, lat]) => [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7] as const);

export const FenceShape = z.discriminatedUnion(
  "shape",
  [
    z.object({
      shape: z.literal("polygon"),
      ring: z.array(Position, { error: e.shapeRequired }).max(RING_PARSE_LIMIT, e.tooManyVertices(500)),
    }),
    z.object({
      shape: z.literal("circle"),
      center: Position,
      radiusM: z
        .number({ error: e.radiusRange })
        .min(CIRCLE_MIN_RADIUS_M, e.radiusRange)
        .max(CIRCLE_MAX_RADIUS_M, e.radiusRange)
        .transform((r) => Math.round(r * 10) / 10),
    }),
  ],
  { error: e.shapeRequired },
);

const Ids = (range: "int4" | "bigint") =>
  z.array(idSchema(e.badId, range), { error: e.badId }).max(MEMBER_LIMIT, e.tooManyMembers(MEMBER_LIMIT)).default([]);

export const SaveAttendancePointInput = z.object({
  /** Absent for a new point. */
  id: idSchema(e.badId, "bigint").optional(),
  expectedVersion: idSchema(e.badId, "int4").optional(),
  name: z.string({ error: e.nameRequired }).trim().min(1, e.nameRequired).max(60, e.nameTooLong(60)),
  regionId: idSchema(e.regionRequired, "int4"),
  fence: FenceShape,
  staffIds: Ids("bigint"),
  departmentIds: Ids("int4"),
});
export type SaveAttendancePointInput = z.input<typeof SaveAttendancePointInput>;

export const CheckFenceInput = z.object({ regionId: idSchema(e.regionRequired, "int4"), fence: FenceShape });
export type CheckFenceInput = z.input<typeof CheckFenceInput>;

export const SetAttendancePointActiveInput = z.object({
  id: idSchema(e.badId, "bigint"),
  expectedVersion: idSchema(e.badId, "int4"),
  active: z.boolean(),
});
export type SetAttendancePointActiveInput = z.input<typeof SetAttendancePointActiveInput>;

const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema(e.badId, "int4").optional());

/** The list's filters, as they stand in the page's URL (?q=&region=&shape=&status=&before=). */
export const ListAttendancePointsInput = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), z.string().max(60).optional()),
  regionId: optionalId,
  shape: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["polygon", "circle"]).optional()),
  /** active (default) | inactive | all */
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["active", "inactive", "all"]).default("active")),
  before: z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema(e.badId, "bigint").optional()),
});
export type ListAttendancePointsInput = z.input<typeof ListAttendancePointsInput>;
