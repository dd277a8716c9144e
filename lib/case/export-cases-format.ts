import type { CsvCell } from "../format/csv";
import { beijingWallClock, formatDateTime } from "../format/time";
import { cases as caseTexts } from "../i18n/zh-CN/case";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import { maskPersonalNumbers } from "../pii/mask";
import type { CaseSummaryDto } from "./case-dto";
import { OPEN_STATES } from "./case-states";

/**
 * The shape of one case in the exports (pure; the streams in export-cases-stream.ts write it).
 * No reporter name or phone ever leaves through an export: CaseSummaryDto does not carry them, and the
 * identity numbers and phones someone typed into the description or address are masked (maskPersonalNumbers,
 * already in the DTO; applied again here so an export never depends on where its rows came from).
 */

const c = caseDesk.export.columns;

/** The spreadsheet columns (xlsx and CSV), with an xlsx width in characters. */
export const EXPORT_COLUMNS: readonly { key: keyof typeof c; header: string; width: number }[] = [
  { key: "number", header: c.number, width: 20 },
  { key: "reportedAt", header: c.reportedAt, width: 18 },
  { key: "source", header: c.source, width: 12 },
  { key: "kind", header: c.kind, width: 8 },
  { key: "category", header: c.category, width: 16 },
  { key: "description", header: c.description, width: 40 },
  { key: "address", header: c.address, width: 28 },
  { key: "grid", header: c.grid, width: 20 },
  { key: "lon", header: c.lon, width: 12 },
  { key: "lat", header: c.lat, width: 12 },
  { key: "level", header: c.level, width: 10 },
  { key: "urgency", header: c.urgency, width: 8 },
  { key: "state", header: c.state, width: 8 },
  { key: "light", header: c.light, width: 8 },
  { key: "deadline", header: c.deadline, width: 18 },
  { key: "leadUnit", header: c.leadUnit, width: 24 },
  { key: "closedAt", header: c.closedAt, width: 18 },
];

/** "2026-11-23 14:05:00" on the Beijing clock (CSV: a text every spreadsheet reads as a date and time). */
export function beijingDateTime(iso: string | null): string | null {
  return iso ? formatDateTime(iso, { seconds: true }) : null;
}

/**
 * A Date whose UTC fields are the Beijing wall time: xlsx stores dates without a zone, and a spreadsheet
 * shows the stored fields as they are, so this makes Excel show the time a Beijing user expects.
 */
export function beijingWallDate(iso: string | null): Date | null {
  return beijingWallClock(iso);
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The light is shown for open cases with a running clock only (a closed case's last light means nothing). */
function lightName(r: CaseSummaryDto): string | null {
  return r.light && OPEN_STATES.includes(r.state) && r.state !== "suspended" ? caseTexts.lightShort[r.light] : null;
}

/** One case as the cells of EXPORT_COLUMNS; times as `time(iso)` (text for CSV, wall-clock dates for xlsx). */
export function exportCells<T>(r: CaseSummaryDto, time: (iso: string | null) => T | null): (CsvCell | T)[] {
  return [
    r.number,
    time(r.reportedAt),
    caseDesk.sources[r.source] ?? r.source,
    caseDesk.kinds[r.kind] ?? r.kind,
    r.categoryName,
    maskPersonalNumbers(r.description),
    r.address === null ? null : maskPersonalNumbers(r.address),
    r.gridName,
    round6(r.lon),
    round6(r.lat),
    caseLoop.levelLabels[r.level] ?? r.level,
    caseTexts.urgencies[r.urgency] ?? r.urgency,
    caseLoop.stateLabels[r.state] ?? r.state,
    lightName(r),
    time(r.deadlineAt),
    r.leadUnitName,
    time(r.closedAt),
  ];
}

export type CaseFeature = {
  type: "Feature";
  id: number;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: Record<string, string | number | null>;
};

/**
 * One case as a GeoJSON point (RFC 7946: WGS-84 lon/lat). Properties are the case's facts only — no
 * description or address (free text may name or locate a person), no reporter.
 */
export function caseFeature(r: CaseSummaryDto): CaseFeature {
  return {
    type: "Feature",
    id: r.id,
    geometry: { type: "Point", coordinates: [round6(r.lon), round6(r.lat)] },
    properties: {
      number: r.number,
      reportedAt: r.reportedAt,
      source: r.source,
      sourceName: caseDesk.sources[r.source] ?? r.source,
      kind: r.kind,
      categoryId: r.categoryId,
      category: r.categoryName,
      level: r.level,
      urgency: r.urgency,
      state: r.state,
      stateName: caseLoop.stateLabels[r.state] ?? r.state,
      light: lightName(r) === null ? null : r.light,
      deadlineAt: r.deadlineAt,
      closedAt: r.closedAt,
      gridId: r.gridId,
      grid: r.gridName,
      leadUnit: r.leadUnitName,
    },
  };
}
