import "server-only";
import { z } from "zod";
import { idSchema } from "../id";
import { preferCustomPlans } from "../../db/queries/case-list";
import { aggregateCaseRates, findRateFormulaSetting } from "../../db/queries/case-rates";
import { findRegionById, findRegionChildren, findScopeRoots, type RegionRow } from "../../db/queries/region";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { Scope } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { levelNameOf } from "../grid/dto";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { errorMessages } from "../i18n/zh-CN/errors";
import { EMPTY_RATE_COUNTS, rateFormulaOf, ratesOf, type RateCounts, type RateFormula, type Rates } from "./rates";
import { beijingDay } from "../format/time";
import { resolvePeriod, type RatePeriod, type RatePeriodInput } from "./rates-period";

export type RateRow = {
  key: string;
  name: string;
  regionId: number | null;
  unitId: number | null;
  counts: RateCounts;
  rates: Rates;
};

export type CaseRatesReport = {
  area: { id: number; name: string; levelName: string; level: number };
  period: RatePeriod;
  formula: RateFormula;
  /** Every child region of the area (those without cases too), in official code order. */
  regions: RateRow[];
  /** Every lead unit with cases in the period (and "not dispatched"), most cases first. */
  units: RateRow[];
  total: RateRow;
};

const AreaInput = z.object({
  area: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    idSchema(caseDesk.list.errors.badId, "int4").optional(),
  ),
});

export type CaseRatesInput = RatePeriodInput & { area?: number | string };

/**
 * 三率: response, resolution and satisfaction rates (and 办结率) of the cases reported in a period inside an area of
 * the caller (case.read), per child region, per lead unit and in total, under the configured formula
 * (lib/case/rates.ts documents the defaults). Without an area: the caller's own area.
 */
export async function getCaseRates({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: CaseRatesInput;
  now?: Date;
}): Promise<CaseRatesReport> {
  return caseRatesFor(ctx, authorize(ctx, "case.read"), input, now);
}

/** The report for an already authorized scope (the rates export asks for case.export instead). */
export async function caseRatesFor(
  ctx: RequestContext,
  scope: Scope,
  input: CaseRatesInput,
  now: Date,
): Promise<CaseRatesReport> {
  const { area: areaId } = parseInput(AreaInput, { area: input.area });
  const period = resolvePeriod(input, beijingDay(now));
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      await preferCustomPlans(trx);
      let area: RegionRow | undefined;
      if (areaId !== undefined) {
        area = await findRegionById(trx, areaId, scope);
        if (!area)
          throw new DomainError("NOT_FOUND", errorMessages.regionNotFound, { details: { area: errorMessages.regionNotFound } });
      } else {
        [area] = await findScopeRoots(trx, scope);
        if (!area) throw new DomainError("NOT_FOUND", errorMessages.regionNotFound);
      }
      const formula = rateFormulaOf(await findRateFormulaSetting(trx));
      const [groups, children] = await Promise.all([
        aggregateCaseRates(trx, { scope, areaPath: area.path, from: period.from, to: period.to, now, formula }),
        findRegionChildren(trx, area.id, scope),
      ]);
      const byPath = new Map(groups.filter((g) => g.grouping === "region").map((g) => [g.regionPath, g]));
      const row = (key: string, name: string, regionId: number | null, unitId: number | null, counts: RateCounts): RateRow => ({
        key,
        name,
        regionId,
        unitId,
        counts,
        rates: ratesOf(counts),
      });
      const countsOf = (g: RateCounts | undefined): RateCounts =>
        g
          ? {
              reported: g.reported,
              due: g.due,
              acknowledgedInTime: g.acknowledgedInTime,
              answered: g.answered,
              resolved: g.resolved,
              rated: g.rated,
              satisfied: g.satisfied,
              counted: g.counted,
              closed: g.closed,
            }
          : EMPTY_RATE_COUNTS;
      const regions = children.map((c) => row(`region-${c.id}`, c.name, c.id, null, countsOf(byPath.get(c.path))));
      const units = groups
        .filter((g) => g.grouping === "unit")
        .sort((a, b) => b.reported - a.reported || (a.unitName ?? "").localeCompare(b.unitName ?? "", "zh-CN"))
        .map((g) => row(`unit-${g.unitId ?? "none"}`, g.unitName ?? caseDesk.rates.noUnit, null, g.unitId, countsOf(g)));
      const total = row("total", caseDesk.rates.total, area.id, null, countsOf(groups.find((g) => g.grouping === "total")));
      return {
        area: { id: area.id, name: area.name, level: area.level, levelName: levelNameOf(area.level, area.kind) },
        period,
        formula,
        regions,
        units,
        total,
      };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
