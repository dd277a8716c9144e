import type { CaseSummaryRow } from "../../db/queries/case-read";
import { maskPersonalNumbers } from "../pii/mask";
import type { CaseSummaryDto } from "./case-dto";

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * A summary row as the DTO every list, map and export uses. The free text leaves with identity numbers and
 * phones masked, for every role (case-pii.ts): the clear text only through a logged reveal.
 */
export function toCaseSummaryDto(row: CaseSummaryRow): CaseSummaryDto {
  return {
    id: row.id,
    number: row.number,
    state: row.state as CaseSummaryDto["state"],
    level: row.level as CaseSummaryDto["level"],
    light: row.light as CaseSummaryDto["light"],
    source: row.source as CaseSummaryDto["source"],
    kind: row.kind as CaseSummaryDto["kind"],
    urgency: row.urgency as CaseSummaryDto["urgency"],
    categoryId: row.category_id,
    categoryName: row.category_name,
    description: maskPersonalNumbers(row.description),
    address: row.address === null ? null : maskPersonalNumbers(row.address),
    lon: Number(row.lon),
    lat: Number(row.lat),
    gridId: row.grid_id,
    gridName: row.grid_name,
    leadUnitName: row.lead_unit_name,
    reportedAt: iso(row.reported_at)!,
    deadlineAt: iso(row.deadline_at),
    closedAt: iso(row.closed_at),
  };
}

export { iso as isoInstant };
