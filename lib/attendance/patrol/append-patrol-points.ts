import "server-only";
import { z } from "zod";
import { appendPatrolPoints as appendPoints } from "../../../db/queries/attendance-patrol";
import type { RequestContext } from "../../context";
import { parseInput } from "../../errors";
import { requireOwnOpenPatrol } from "./own-patrol";

const AppendSchema = z.object({
  patrolId: z.number().int().positive(),
  points: z
    .array(
      z.object({
        at: z.iso.datetime({ offset: true }),
        lon: z.number().min(-180).max(180),
        lat: z.number().min(-90).max(90),
        accuracyM: z.number().min(0).max(1_000_000).nullish(),
      }),
    )
    .max(500),
});

/** A point recorded more than a minute before the patrol began, or later than 5 minutes from now, is dropped. */
const EARLY_MS = 60_000;
const FUTURE_MS = 5 * 60_000;

/**
 * Appends a batch of track points to one's own open patrol (the phone sends them every few points and again
 * after a lost connection: a point already stored is skipped). Returns the points kept and the patrol's count.
 */
export async function appendPatrolPoints({ ctx, input }: { ctx: RequestContext; input: unknown }) {
  const parsed = parseInput(AppendSchema, input);
  const { patrol } = await requireOwnOpenPatrol(ctx, parsed.patrolId);
  const from = new Date(patrol.startedAt).getTime() - EARLY_MS;
  const until = Date.now() + FUTURE_MS;
  const kept = parsed.points
    .map((p) => ({ at: new Date(p.at), lon: p.lon, lat: p.lat, accuracyM: p.accuracyM ?? null }))
    .filter((p) => p.at.getTime() >= from && p.at.getTime() <= until);
  const pointCount = await appendPoints(ctx.db, patrol.id, kept);
  return { patrolId: patrol.id, accepted: kept.length, dropped: parsed.points.length - kept.length, pointCount };
}
