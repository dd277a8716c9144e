import { LEC_CONSEQUENCE, LEC_EXPOSURE, LEC_LIKELIHOOD, lecValue } from "@/lib/case/risk";
import { CASE_URGENCIES, type CaseUrgency } from "@/lib/case/time-limits";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";

/**
 * The report form's draft: everything typed, picked and photographed, kept in the browser (IndexedDB) from
 * the first keystroke until the server has answered 201/200. Its clientRequestId is made once per draft, so
 * every retry of the same draft — after a lost answer, a reload, a night without network — names the same
 * report and the server stores it once. Pure: no browser API here, so it is tested directly.
 */

export const DRAFT_VERSION = 1;
export const MAX_PHOTOS = 9;

export type PositionSource = "gps" | "map" | "typed";

export type DraftPosition = {
  lon: number;
  lat: number;
  source: PositionSource;
  /** metres, from the GPS fix */ accuracy: number | null;
};

export type DraftPhoto = {
  /** Local id (the photo's key in the form and in storage). */
  localId: string;
  /** The resized JPEG. */
  blob: Blob;
  width: number;
  height: number;
  /** The server's id once uploaded: a retry does not upload it again. */
  uploadedId: number | null;
};

export type DraftRisk = { l: number | null; e: number | null; c: number | null };

export type ReportDraft = {
  version: typeof DRAFT_VERSION;
  clientRequestId: string;
  categoryId: number | null;
  description: string;
  address: string;
  /** "" = the category's default urgency. */
  urgency: CaseUrgency | "";
  risk: DraftRisk;
  position: DraftPosition | null;
  photos: DraftPhoto[];
  /** The user pressed send while offline: send by itself when the network is back. */
  sendWhenOnline: boolean;
  updatedAt: string;
};

export function emptyDraft(clientRequestId: string, now: Date = new Date()): ReportDraft {
  return {
    version: DRAFT_VERSION,
    clientRequestId,
    categoryId: null,
    description: "",
    address: "",
    urgency: "",
    risk: { l: null, e: null, c: null },
    position: null,
    photos: [],
    sendWhenOnline: false,
    updatedAt: now.toISOString(),
  };
}

/** Nothing worth keeping: a fresh form (a GPS position alone is not the user's work). */
export function isDraftEmpty(d: ReportDraft): boolean {
  return (
    d.categoryId === null &&
    d.description.trim() === "" &&
    d.address.trim() === "" &&
    d.photos.length === 0 &&
    d.urgency === "" &&
    d.risk.l === null &&
    d.risk.e === null &&
    d.risk.c === null &&
    d.position?.source !== "map" &&
    d.position?.source !== "typed"
  );
}

/** D = L × E × C (lib/case/risk's rule) when all three are chosen; null when none is; "incomplete" otherwise. */
export function riskValue(risk: DraftRisk): number | null | "incomplete" {
  const set = [risk.l, risk.e, risk.c].filter((v) => v !== null).length;
  if (set === 0) return null;
  if (set < 3) return "incomplete";
  return lecValue(risk.l!, risk.e!, risk.c!);
}

export type DraftField = "category" | "description" | "location" | "risk";

/** What stops the draft from being sent, by field (Chinese, shown beside the field). */
export function draftProblems(d: ReportDraft, category: { riskAssessed: boolean } | null): Partial<Record<DraftField, string>> {
  const problems: Partial<Record<DraftField, string>> = {};
  if (d.categoryId === null || category === null) problems.category = caseIntake.form.categoryRequired;
  if (d.description.trim().length < 2) problems.description = caseIntake.form.descriptionRequired;
  if (d.position === null) problems.location = caseIntake.form.locationRequired;
  if (category?.riskAssessed && riskValue(d.risk) === "incomplete") problems.risk = caseIntake.form.riskIncomplete;
  return problems;
}

/** The body of POST /api/cases for this draft, with the server's ids of its uploaded photos. */
export function reportPayload(d: ReportDraft, photoIds: number[], category: { riskAssessed: boolean } | null) {
  if (d.categoryId === null || d.position === null) throw new Error("the draft is not complete");
  const risk =
    category?.riskAssessed && typeof riskValue(d.risk) === "number" ? { l: d.risk.l!, e: d.risk.e!, c: d.risk.c! } : null;
  return {
    clientRequestId: d.clientRequestId,
    channel: "phone" as const,
    categoryId: d.categoryId,
    description: d.description.trim(),
    address: d.address.trim() || null,
    urgency: d.urgency || null,
    lon: roundCoordinate(d.position.lon),
    lat: roundCoordinate(d.position.lat),
    photoIds,
    risk,
  };
}

/** 7 decimals ≈ 1 cm: more digits only carry the float's noise. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/** A coordinate pair typed by hand, in China (the server refuses anything else anyway); null if not. */
export function parseCoordinates(lonText: string, latText: string): { lon: number; lat: number } | null {
  const lon = Number(lonText.trim());
  const lat = Number(latText.trim());
  if (lonText.trim() === "" || latText.trim() === "" || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (lon < 73 || lon > 136 || lat < 3 || lat > 54) return null;
  return { lon, lat };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumberOrNull = (v: unknown): v is number | null => v === null || (typeof v === "number" && Number.isFinite(v));
const oneOfOrNull = (v: unknown, allowed: readonly number[]) => (typeof v === "number" && allowed.includes(v) ? v : null);

/**
 * A draft read back from storage, checked field by field: storage outlives code versions and can be edited
 * by hand, so anything malformed is dropped rather than trusted (a bad field is reset, a bad photo left out;
 * a record without a usable clientRequestId is no draft at all).
 */
export function parseStoredDraft(value: unknown, isBlob: (v: unknown) => v is Blob): ReportDraft | null {
  if (!isObject(value) || value.version !== DRAFT_VERSION) return null;
  if (typeof value.clientRequestId !== "string" || !/^[0-9a-f-]{36}$/i.test(value.clientRequestId)) return null;
  const draft = emptyDraft(
    value.clientRequestId,
    new Date(typeof value.updatedAt === "string" && !Number.isNaN(Date.parse(value.updatedAt)) ? value.updatedAt : Date.now()),
  );
  if (typeof value.categoryId === "number" && Number.isInteger(value.categoryId) && value.categoryId > 0)
    draft.categoryId = value.categoryId;
  if (typeof value.description === "string") draft.description = value.description.slice(0, 4000);
  if (typeof value.address === "string") draft.address = value.address.slice(0, 200);
  if (typeof value.urgency === "string" && (CASE_URGENCIES as readonly string[]).includes(value.urgency))
    draft.urgency = value.urgency as CaseUrgency;
  if (isObject(value.risk))
    draft.risk = {
      l: oneOfOrNull(value.risk.l, LEC_LIKELIHOOD),
      e: oneOfOrNull(value.risk.e, LEC_EXPOSURE),
      c: oneOfOrNull(value.risk.c, LEC_CONSEQUENCE),
    };
  const p = value.position;
  if (
    isObject(p) &&
    typeof p.lon === "number" &&
    typeof p.lat === "number" &&
    parseCoordinates(String(p.lon), String(p.lat)) &&
    (p.source === "gps" || p.source === "map" || p.source === "typed")
  ) {
    draft.position = { lon: p.lon, lat: p.lat, source: p.source, accuracy: isNumberOrNull(p.accuracy) ? p.accuracy : null };
  }
  if (Array.isArray(value.photos)) {
    for (const photo of value.photos) {
      if (draft.photos.length >= MAX_PHOTOS) break;
      if (!isObject(photo) || typeof photo.localId !== "string" || !isBlob(photo.blob)) continue;
      if (typeof photo.width !== "number" || typeof photo.height !== "number") continue;
      const uploadedId =
        typeof photo.uploadedId === "number" && Number.isInteger(photo.uploadedId) && photo.uploadedId > 0
          ? photo.uploadedId
          : null;
      draft.photos.push({ localId: photo.localId, blob: photo.blob, width: photo.width, height: photo.height, uploadedId });
    }
  }
  draft.sendWhenOnline = value.sendWhenOnline === true;
  return draft;
}
