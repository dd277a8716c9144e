import "server-only";
import { findRegionById, findRegionChildren, type RegionRow } from "../../db/queries/region";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { compactDate, safeFileNamePart } from "../format/content-disposition";
import { toCsv, type CsvCell } from "../format/csv";
import { t } from "../i18n";
import { errorMessages } from "../i18n/zh-CN/errors";
import type { CsvExport } from "../resident/dto";
import { ExportRegionStatsInput } from "../resident/schemas";
import { levelNameOf } from "./dto";

/**
 * 区域统计: the children of an area with their counts (households, residents, floating, rented,
 * special groups, key persons, buildings) and a total row, as CSV for analysts. Aggregates only —
 * no person appears — so it is not written to the personal-data access log.
 */
export async function exportRegionStats({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: ExportRegionStatsInput;
  now?: Date;
}): Promise<CsvExport> {
  const scope = authorize(ctx, "region.export");
  const { regionId } = parseInput(ExportRegionStatsInput, input);
  try {
    const region = await findRegionById(ctx.db, regionId, scope);
    if (!region) throw new DomainError("NOT_FOUND", errorMessages.regionNotFound);
    const children = await findRegionChildren(ctx.db, region.id, scope);
    const c = t.resident.regionStats.columns;
    const header = [
      c.code,
      c.name,
      c.level,
      c.households,
      c.residents,
      c.floating,
      c.rented,
      c.special,
      c.keyPersons,
      c.buildings,
    ];
    const line = (r: RegionRow, code: string, name: string, level: string): CsvCell[] => [
      code,
      name,
      level,
      r.households,
      r.residents,
      r.floatingResidents,
      r.rentedRooms,
      r.specialGroupResidents,
      r.keyPersons,
      r.buildings,
    ];
    const rows = children.map((r) => line(r, r.code, r.name, levelNameOf(r.level, r.kind)));
    // The area's own counts close the table (合计); a basic grid has no children and is its own row.
    rows.push(
      line(
        region,
        region.code,
        children.length ? `${region.name}${t.resident.regionStats.total}` : region.name,
        levelNameOf(region.level, region.kind),
      ),
    );
    const date = compactDate(now);
    return {
      filename: t.resident.regionStats.filename(safeFileNamePart(region.name), date),
      asciiFilename: t.resident.regionStats.asciiFilename(region.code, date),
      csv: toCsv(header, rows),
      rowCount: rows.length,
    };
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
