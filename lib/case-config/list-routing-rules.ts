import "server-only";
import { findRoutingRegionOptions, findRoutingRulesForAdmin, findUnitsForAdmin } from "../../db/queries/case-config-admin";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import { levelNameOf } from "../grid/dto";
import type { RegionOptionDto, RoutingRuleDto, UnitOptionDto } from "./dto";

/**
 * The routing rules of the configurer's area (case.configure), optionally of one category (its own rules
 * and its children's), with the units and regions the editor offers.
 */
export async function listRoutingRules({
  ctx,
  input = {},
}: {
  ctx: RequestContext;
  input?: { categoryId?: number };
}): Promise<{ rules: RoutingRuleDto[]; units: UnitOptionDto[]; regions: RegionOptionDto[] }> {
  const scope = authorize(ctx, "case.configure");
  try {
    const [rules, units, regions] = await Promise.all([
      findRoutingRulesForAdmin(ctx.db, scope, input),
      findUnitsForAdmin(ctx.db),
      findRoutingRegionOptions(ctx.db, scope),
    ]);
    return {
      rules: rules.map((r) => ({
        id: r.id,
        categoryId: r.categoryId,
        categoryName: r.categoryName,
        regionId: r.regionId,
        regionName: r.regionName,
        regionLevelName: levelNameOf(r.regionLevel, r.regionKind),
        leadUnitId: r.leadUnitId,
        leadUnitName: r.leadUnitName,
        coUnitIds: r.coUnitIds,
        coUnitNames: r.coUnitNames,
        autoDispatch: r.autoDispatch,
        version: r.version,
        updatedAt: new Date(r.updatedAt).toISOString(),
      })),
      units,
      regions: regions.map((r) => ({
        id: r.id,
        name: r.name,
        level: r.level,
        levelName: levelNameOf(r.level, r.kind),
        parentName: r.parentName,
      })),
    };
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
