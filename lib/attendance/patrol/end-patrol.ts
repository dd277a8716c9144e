import "server-only";
import { z } from "zod";
import { closePatrol, measurePatrol } from "../../../db/queries/attendance-patrol";
import type { RequestContext } from "../../context";
import { parseInput } from "../../errors";
import { requireOwnOpenPatrol } from "./own-patrol";
import { judgePatrol, type PatrolJudgement } from "./patrol-rule";

const EndSchema = z.object({ patrolId: z.number().int().positive() });

export type EndedPatrol = PatrolJudgement & { patrolId: number; pointCount: number; lengthM: number; insideShare: number | null };

/** 结束巡查: closes one's own patrol at the server's time, measures it in PostGIS and judges it (patrol-rule.ts). */
export async function endPatrol({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<EndedPatrol> {
  const parsed = parseInput(EndSchema, input);
  const { patrol } = await requireOwnOpenPatrol(ctx, parsed.patrolId);
  const endedAt = new Date();
  const measure = await measurePatrol(ctx.db, patrol.id);
  const judgement = judgePatrol({
    startedAt: new Date(patrol.startedAt),
    endedAt,
    pointCount: measure.pointCount,
    insideShare: measure.insideShare,
  });
  await closePatrol(ctx.db, patrol.id, {
    endedAt,
    lengthM: measure.lengthM,
    insideShare: measure.insideShare,
    counted: judgement.counted,
  });
  return { ...judgement, patrolId: patrol.id, ...measure };
}
