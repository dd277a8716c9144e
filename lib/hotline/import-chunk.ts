import "server-only";
import {
  findOrdersForUpdate,
  insertImportedOrder,
  insertQueuedOrder,
  markOrderImported,
  moveQueuedOrder,
  updateOrderValues,
  type OrderLedgerRow,
  type OrderValues,
} from "../../db/queries/hotline";
import type { BatchRowReport } from "../../db/queries/hotline-batch";
import type { Database } from "../../db/client";
import { scopeContains, type Scope } from "../auth/scope";
import type { RequestContext } from "../context";
import { hotline } from "../i18n/zh-CN/hotline";
import { categoryIdOf, createOrderCase, type CategoryLookup } from "./create-order-case";
import { CASE_UPDATABLE, changedFields, storeOrderFields, type StoredOrder, type StoredOrderFields } from "./order-fields";
import type { HotlineOrderFields, RowRejection } from "./parse-order-row";
import type { PlaceIndex } from "./place-index";
import { updateOrderCase } from "./update-order-case";

/** A row ready for the database: its fields, or why it was refused before (parsing, a duplicate in the file). */
export type PreparedRow = { rowNumber: number; orderNo: string | null } & (
  { ok: true; fields: HotlineOrderFields } | { ok: false; rejection: RowRejection }
);

export type ImportEnv = {
  ctx: RequestContext;
  scope: Scope;
  batchId: number | null;
  categories: CategoryLookup;
  /** The address index, loaded on first need (files with coordinates never pay for it). */
  places: () => Promise<PlaceIndex>;
};

/**
 * Imports one chunk of rows inside the caller's transaction (its scope set): each row ends as created,
 * updated, unchanged, queued or rejected, with the reason. The chunk's orders are locked first, so a
 * placement from the queue or another import of the same order waits for this transaction.
 */
export async function importChunk(trx: Database, env: ImportEnv, rows: readonly PreparedRow[]): Promise<BatchRowReport[]> {
  const numbers = rows.flatMap((r) => (r.ok ? [r.fields.orderNo] : []));
  const ledger = new Map((await findOrdersForUpdate(trx, numbers)).map((o) => [o.order_no, o]));
  const reports: BatchRowReport[] = [];
  for (const row of rows) {
    const base = { rowNumber: row.rowNumber, orderNo: row.orderNo };
    if (!row.ok) {
      reports.push({
        ...base,
        outcome: "rejected",
        reasonCode: row.rejection.code,
        message: row.rejection.message,
        caseId: null,
      });
      continue;
    }
    reports.push({ ...base, ...(await importRow(trx, env, row.fields, ledger.get(row.fields.orderNo) ?? null)) });
  }
  return reports;
}

type RowResult = Omit<BatchRowReport, "rowNumber" | "orderNo">;

const rejected = (r: RowRejection): RowResult => ({ outcome: "rejected", reasonCode: r.code, message: r.message, caseId: null });

async function importRow(
  trx: Database,
  env: ImportEnv,
  fields: HotlineOrderFields,
  existing: OrderLedgerRow | null,
): Promise<RowResult> {
  const order = storeOrderFields(fields);
  const values: OrderValues = {
    orderNo: fields.orderNo,
    fieldsJson: order.json,
    contentHash: order.contentHash,
    phoneCipher: order.phoneCipher,
    receivedAt: new Date(fields.receivedAt),
    dueAt: fields.dueAt ? new Date(fields.dueAt) : null,
    batchId: env.batchId,
  };
  if (existing) {
    if (!scopeContains(env.scope, existing.region_path))
      return rejected({ code: "outside_area", message: hotline.rowErrors.orderOutsideArea });
    if (existing.content_hash.equals(order.contentHash)) {
      return {
        outcome: "unchanged",
        reasonCode: null,
        message: existing.status === "imported" ? hotline.rowResults.unchanged : hotline.rowResults.unchangedQueued,
        caseId: existing.case_id,
      };
    }
    return existing.status === "imported"
      ? updateImported(trx, env, existing, order, fields, values)
      : retryQueued(trx, env, existing, order, fields, values);
  }

  const categoryId = categoryIdOf(fields, env.categories);
  if (categoryId === null)
    return rejected({ code: "unknown_category", message: hotline.rowErrors.unknownCategory(fields.category ?? fields.kind) });
  const place = await locate(env, fields);
  if (place.kind === "rejected") return rejected(place.rejection);
  if (place.kind === "queued") {
    await insertQueuedOrder(trx, values, place.regionPath);
    return { outcome: "queued", reasonCode: place.reasonCode, message: place.message, caseId: null };
  }
  const created = await createOrderCase(trx, {
    ctx: env.ctx,
    scope: env.scope,
    order: order.stored,
    phone: fields.reporterPhone,
    categoryId,
    lon: place.lon,
    lat: place.lat,
  });
  if (!created.ok) return rejected(created.rejection);
  await insertImportedOrder(trx, values, created.caseId);
  return { outcome: "created", reasonCode: place.reasonCode, message: place.message, caseId: created.caseId };
}

async function updateImported(
  trx: Database,
  env: ImportEnv,
  existing: OrderLedgerRow,
  order: StoredOrder,
  fields: HotlineOrderFields,
  values: OrderValues,
): Promise<RowResult> {
  const changed = changedFields(existing.fields as StoredOrderFields, order.stored);
  const forCase = changed.filter((f) => CASE_UPDATABLE.includes(f));
  const notApplied = changed.filter((f) => !CASE_UPDATABLE.includes(f) && f !== "dueAt");
  if (forCase.length > 0 && existing.case_id !== null) {
    const ok = await updateOrderCase(trx, {
      ctx: env.ctx,
      caseId: existing.case_id,
      order: order.stored,
      phone: fields.reporterPhone,
      fields: forCase,
      batchId: env.batchId,
    });
    if (!ok) return rejected({ code: "internal_error", message: hotline.rowErrors.internal });
  }
  await updateOrderValues(trx, existing.id, values);
  const labels = (list: readonly string[]) => list.map((f) => hotline.fieldLabels[f as keyof typeof hotline.fieldLabels]);
  const applied = changed.filter((f) => !notApplied.includes(f));
  const message =
    (applied.length ? hotline.rowResults.updated(labels(applied)) : hotline.rowResults.recordedOnly) +
    (notApplied.length ? hotline.rowResults.notApplied(labels(notApplied)) : "");
  return { outcome: "updated", reasonCode: "changed", message, caseId: existing.case_id };
}

/** A queued order came again with changes: keep the new fields and try to place it once more. */
async function retryQueued(
  trx: Database,
  env: ImportEnv,
  existing: OrderLedgerRow,
  order: StoredOrder,
  fields: HotlineOrderFields,
  values: OrderValues,
): Promise<RowResult> {
  await updateOrderValues(trx, existing.id, values);
  const labels = changedFields(existing.fields as StoredOrderFields, order.stored).map((f) => hotline.fieldLabels[f]);
  const categoryId = categoryIdOf(fields, env.categories);
  if (categoryId === null)
    return rejected({ code: "unknown_category", message: hotline.rowErrors.unknownCategory(fields.category ?? fields.kind) });
  const place = await locate(env, fields);
  if (place.kind === "rejected") return rejected(place.rejection);
  if (place.kind === "queued") {
    if (place.regionPath !== existing.region_path) await moveQueuedOrder(trx, existing.id, place.regionPath);
    return {
      outcome: "queued",
      reasonCode: place.reasonCode,
      message: `${hotline.rowResults.updatedQueued(labels)}；${place.message}`,
      caseId: null,
    };
  }
  const created = await createOrderCase(trx, {
    ctx: env.ctx,
    scope: env.scope,
    order: order.stored,
    phone: fields.reporterPhone,
    categoryId,
    lon: place.lon,
    lat: place.lat,
  });
  if (!created.ok) return rejected(created.rejection);
  await markOrderImported(trx, existing.id, created.caseId, null);
  return { outcome: "created", reasonCode: place.reasonCode, message: place.message, caseId: created.caseId };
}

type Placement =
  | { kind: "point"; lon: number; lat: number; reasonCode: string; message: string }
  | { kind: "queued"; regionPath: string; reasonCode: string; message: string }
  | { kind: "rejected"; rejection: RowRejection };

/**
 * Where an order goes: its coordinates; else the building or house number its address matches (inside the
 * importer's area); else the queue — of the street its address names when that street is the importer's,
 * otherwise of the importer's own area.
 */
async function locate(env: ImportEnv, fields: HotlineOrderFields): Promise<Placement> {
  if (fields.lon !== null && fields.lat !== null)
    return {
      kind: "point",
      lon: fields.lon,
      lat: fields.lat,
      reasonCode: "coordinates",
      message: hotline.rowResults.createdAtPoint,
    };
  const { index, streetPaths } = await env.places();
  const address = fields.address ?? "";
  const match = index.match(address);
  if (match.kind === "exact" || match.kind === "fuzzy") {
    if (!scopeContains(env.scope, match.candidate.gridPath))
      return { kind: "rejected", rejection: { code: "outside_area", message: hotline.rowErrors.outsideArea } };
    return {
      kind: "point",
      lon: match.candidate.lon,
      lat: match.candidate.lat,
      reasonCode: match.kind === "exact" ? "address_exact" : "address_fuzzy",
      message: hotline.rowResults.createdByAddress(match.candidate.address, match.confidence),
    };
  }
  const street = index.streetOf(address);
  const streetPath = street ? (streetPaths.get(street) ?? null) : null;
  let regionPath = env.scope[0];
  if (streetPath) {
    if (scopeContains(env.scope, streetPath)) regionPath = streetPath;
    else if (!env.scope.some((p) => streetPath.startsWith(`${p}.`) || p.startsWith(`${streetPath}.`))) {
      // The address names a street the importer has nothing to do with.
      return { kind: "rejected", rejection: { code: "outside_area", message: hotline.rowErrors.outsideArea } };
    }
  }
  return match.kind === "ambiguous"
    ? {
        kind: "queued",
        regionPath,
        reasonCode: "ambiguous_address",
        message: hotline.rowResults.queuedAmbiguous(match.candidates.length),
      }
    : { kind: "queued", regionPath, reasonCode: "no_match", message: hotline.rowResults.queuedNoMatch };
}
