import "server-only";
import { z } from "zod";
import {
  findPunchByRequestId,
  findStaffOfUser,
  insertPunches,
  nearestServingFences,
  type PunchingStaff,
  type PunchRow,
} from "../../../db/queries/attendance-punch";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError, parseInput } from "../../errors";
import { attendancePunch } from "../../i18n/zh-CN/attendance-punch";
import { checkPhotoBytes } from "../../case/photos/photo-rules";
import { PUNCH_PHOTO_BASE64_MAX_CHARS } from "./punch-limits";
import { decideFenceVerdict, FAR_OUTSIDE_DISTRICT_M, type FenceVerdict } from "./fence-verdict";
import { resolvePunchRule } from "./punch-rule";
import { beijingDayOf, decidePunchTiming, OFFLINE_MAX_AGE_HOURS } from "./punch-timing";

/** What the phone sends. Coordinates are WGS-84 as navigator.geolocation gives them. */
export const RecordPunchSchema = z.object({
  /** A uuid the phone makes once per tap: a double tap or a resend from the offline queue is one punch. */
  requestId: z.uuid(),
  kind: z.enum(["in", "out"]),
  lon: z.number().min(-180).max(180).nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  accuracyM: z.number().min(0).max(1_000_000).nullish(),
  /** The phone's clock when the person tapped (ISO 8601). */
  deviceAt: z.iso.datetime({ offset: true }).nullish(),
  /** Made without a network and sent later from the phone's queue. */
  offline: z.boolean().default(false),
  outsideReason: z.string().trim().max(200).nullish(),
  /** An optional photo, base64 (JPEG, PNG or WebP by its bytes, at most 3 MB). */
  photoBase64: z
    .string()
    .max(PUNCH_PHOTO_BASE64_MAX_CHARS)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .nullish(),
});

export type PunchDto = {
  id: number;
  requestId: string;
  kind: "in" | "out";
  serverAt: string;
  deviceAt: string | null;
  day: string;
  inside: boolean;
  pointId: number | null;
  pointName: string | null;
  distanceM: number | null;
  outsideReason: string | null;
  offline: boolean;
  reviewFlags: string[];
  hasPhoto: boolean;
};

export type RecordPunchResult = PunchDto & { replayed: boolean };

export function toPunchDto(row: PunchRow): PunchDto {
  return {
    id: row.id,
    requestId: row.requestId,
    kind: row.kind,
    serverAt: new Date(row.serverAt).toISOString(),
    deviceAt: row.deviceAt ? new Date(row.deviceAt).toISOString() : null,
    day: row.day,
    inside: row.inside,
    pointId: row.pointId,
    pointName: row.pointName,
    distanceM: row.distanceM === null ? null : Math.round(row.distanceM * 10) / 10,
    outsideReason: row.outsideReason,
    offline: row.offline,
    reviewFlags: row.reviewFlags,
    hasPhoto: row.hasPhoto,
  };
}

/** The caller's own staff record: a punch is always one's own. */
export async function requireOwnStaff(ctx: RequestContext): Promise<PunchingStaff> {
  authorize(ctx, "attendance.self");
  const userId = ctx.actor.userId;
  const staff = userId === null ? null : await findStaffOfUser(ctx.db, userId);
  if (!staff) throw new DomainError("NOT_FOUND", attendancePunch.errors.noStaff);
  return staff;
}

/**
 * 打卡: the caller punches in or out from the phone. The server's clock decides the time; PostGIS measures the
 * distance to the nearest fence serving the person and fence-verdict.ts decides inside / outside / refused;
 * offline and skewed punches are kept with both times and flagged (punch-timing.ts). The same request id again
 * (a double tap, a resend after a lost answer, two copies racing) returns the first punch, never a second.
 */
export async function recordPunch({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<RecordPunchResult> {
  const staff = await requireOwnStaff(ctx);
  const parsed = parseInput(RecordPunchSchema, input);
  const replay = async () => {
    const earlier = await findPunchByRequestId(ctx.db, parsed.requestId);
    if (!earlier) return null;
    if (earlier.staffId !== staff.id) throw new DomainError("CONFLICT", attendancePunch.errors.requestReused);
    return { ...toPunchDto(earlier), replayed: true };
  };
  const serverAt = new Date();
  const deviceAt = parsed.deviceAt ? new Date(parsed.deviceAt) : null;
  const timing = decidePunchTiming({ serverAt, deviceAt, offline: parsed.offline });
  const position =
    parsed.lon != null && parsed.lat != null && parsed.accuracyM != null
      ? { lon: parsed.lon, lat: parsed.lat, accuracyM: parsed.accuracyM }
      : null;
  // The replay check, the rule and the fence measurement go out together (one wait instead of three); a replay
  // still wins over everything after it: a resend gets the first answer even where a fresh punch would be refused.
  const [earlier, rule, probe] = await Promise.all([
    replay(),
    resolvePunchRule(ctx.db, staff.id, timing.ok ? timing.day : beijingDayOf(serverAt)),
    position
      ? nearestServingFences(ctx.db, [{ key: 0, staffId: staff.id, lon: position.lon, lat: position.lat }], {
          farM: FAR_OUTSIDE_DISTRICT_M,
        }).then((rows) => rows[0])
      : null,
  ]);
  if (earlier) return earlier;
  if (!timing.ok)
    throw new DomainError(
      "UNPROCESSABLE",
      timing.reason === "offline_too_old"
        ? attendancePunch.errors.offlineTooOld(OFFLINE_MAX_AGE_HOURS)
        : attendancePunch.errors.offlineNeedsDeviceTime,
      { details: { reason: timing.reason } },
    );
  const photo = parsed.photoBase64 ? checkedPhoto(parsed.photoBase64) : null;
  const verdict = decideFenceVerdict({
    position,
    withinDistrict: probe?.withinDistrict ?? false,
    nearest:
      probe && probe.pointId !== null
        ? { pointId: probe.pointId, name: probe.pointName ?? "", distanceM: probe.distanceM ?? 0 }
        : null,
    rule,
    outsideReason: parsed.outsideReason ?? null,
  });
  if (verdict.kind === "refused") throw refusal(verdict, position?.accuracyM ?? null, rule.maxAccuracyM);

  const reviewFlags = [...timing.flags, ...(verdict.kind === "outside" ? ["outside"] : [])];
  const outsideReason = verdict.kind === "outside" ? (parsed.outsideReason ?? null) : null;
  const inserted = await insertPunches(ctx.db, [
    {
      staffId: staff.id,
      requestId: parsed.requestId,
      kind: parsed.kind,
      serverAt,
      deviceAt,
      day: timing.day,
      lon: position?.lon ?? null,
      lat: position?.lat ?? null,
      accuracyM: position?.accuracyM ?? null,
      pointId: verdict.pointId,
      distanceM: verdict.distanceM,
      inside: verdict.kind === "inside",
      outsideReason,
      offline: parsed.offline,
      reviewFlags,
      photo,
    },
  ]);
  if (inserted.length === 1) {
    const row = inserted[0];
    return {
      ...toPunchDto({
        id: row.id,
        staffId: staff.id,
        requestId: parsed.requestId,
        kind: parsed.kind,
        serverAt: row.serverAt,
        deviceAt,
        day: row.day,
        lon: position?.lon ?? null,
        lat: position?.lat ?? null,
        accuracyM: position?.accuracyM ?? null,
        pointId: verdict.pointId,
        pointName: verdict.pointId !== null ? (probe?.pointName ?? null) : null,
        distanceM: verdict.distanceM,
        inside: verdict.kind === "inside",
        outsideReason,
        offline: parsed.offline,
        reviewFlags,
        hasPhoto: photo !== null,
      }),
      replayed: false,
    };
  }
  // Nothing inserted: a copy of the same request committed first (ON CONFLICT waited for it).
  const winner = await replay();
  if (!winner) throw new Error(`punch ${parsed.requestId} neither inserted nor found`);
  return winner;
}

function checkedPhoto(base64: string): { mime: string; bytes: Uint8Array } {
  const bytes = new Uint8Array(Buffer.from(base64, "base64"));
  const checked = checkPhotoBytes(bytes);
  return { mime: checked.mime, bytes };
}

function refusal(
  verdict: Extract<FenceVerdict, { kind: "refused" }>,
  accuracyM: number | null,
  maxAccuracyM: number,
): DomainError {
  const e = attendancePunch.errors;
  const message = {
    no_position: () => e.noPosition,
    accuracy_too_poor: () => e.accuracyTooPoor(accuracyM ?? 0, maxAccuracyM),
    far_outside_district: () => e.farOutsideDistrict,
    reason_required: () => e.reasonRequired(verdict.distanceM),
    outside_not_allowed: () => e.outsideNotAllowed(verdict.distanceM),
  }[verdict.reason]();
  const details: Record<string, string> = { reason: verdict.reason };
  if (verdict.distanceM !== null) details.distanceM = String(Math.round(verdict.distanceM));
  return new DomainError("UNPROCESSABLE", message, { details });
}
