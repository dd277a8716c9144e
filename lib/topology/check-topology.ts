import "server-only";
import { z } from "zod";
import { countRegionsByLevel, findTopologyProblems, type TopologyProblemKind } from "../../db/queries/topology";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput, wrapDatabaseError } from "../errors";

export const CheckTopologyInput = z.object({
  /** Areas below this size (m²) are floating-point noise, not a rule broken. */
  toleranceM2: z.coerce.number().min(0).max(1_000_000).default(1),
});
export type CheckTopologyInput = z.input<typeof CheckTopologyInput>;

export const TOPOLOGY_PROBLEM_KINDS: TopologyProblemKind[] = [
  "invalid_geometry",
  "outside_parent",
  "sibling_overlap",
  "gap_in_parent",
];

export type TopologyReport = {
  toleranceM2: number;
  checkedAt: string;
  levels: { level: number; regions: number; problems: Record<TopologyProblemKind, number> }[];
  problems: {
    level: number;
    kind: TopologyProblemKind;
    regionCode: string;
    regionName: string;
    otherCode: string | null;
    areaM2: number | null;
    detail: string | null;
  }[];
  totalProblems: number;
};

/** The maximum number of individual problems a report lists (the per-level counts are always complete). */
const LISTED_PROBLEMS = 500;

/**
 * The division rules (横向到边、纵向到底、不留空白、不交叉重叠) checked in PostGIS for the caller's area,
 * level by level: invalid geometry, child outside its parent, overlapping siblings, gaps in the parent.
 */
export async function checkTopology({ ctx, input }: { ctx: RequestContext; input: CheckTopologyInput }): Promise<TopologyReport> {
  const scope = authorize(ctx, "topology.read");
  const { toleranceM2 } = parseInput(CheckTopologyInput, input);
  const [rows, counts] = await Promise.all([
    findTopologyProblems(ctx.db, scope, toleranceM2),
    countRegionsByLevel(ctx.db, scope),
  ]).catch((e) => {
    throw wrapDatabaseError(e);
  });
  const levels = counts.map(({ level, regions }) => ({
    level,
    regions,
    problems: Object.fromEntries(
      TOPOLOGY_PROBLEM_KINDS.map((kind) => [kind, rows.filter((r) => r.level === level && r.problem === kind).length]),
    ) as Record<TopologyProblemKind, number>,
  }));
  return {
    toleranceM2,
    checkedAt: new Date().toISOString(),
    levels,
    totalProblems: rows.length,
    problems: rows.slice(0, LISTED_PROBLEMS).map((r) => ({
      level: r.level,
      kind: r.problem,
      regionCode: r.region_code,
      regionName: r.region_name,
      otherCode: r.other_code,
      areaM2: r.area_m2,
      detail: r.detail,
    })),
  };
}
