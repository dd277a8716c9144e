import "server-only";
import { createHmac } from "node:crypto";
import { piiKeys } from "../pii/pii-keys";
import { encryptPii } from "../pii/protect";
import type { HotlineOrderFields } from "./parse-order-row";

/**
 * What the order ledger keeps of a row: the fields with the caller's phone replaced by its keyed hash (the
 * phone itself is stored encrypted beside them), and a keyed hash of the whole row that tells an unchanged
 * re-import from a changed one. Keyed (HMAC with the personal-data hash key), because a plain hash of a row
 * with a phone number in it could be reversed by trying every number.
 */

export type StoredOrderFields = Omit<HotlineOrderFields, "reporterPhone"> & { reporterPhoneHash: string | null };

export type StoredOrder = { stored: StoredOrderFields; json: string; contentHash: Buffer; phoneCipher: Buffer | null };

function hmac(label: string, value: string): Buffer {
  return createHmac("sha256", piiKeys().hashKey).update(`${label}\u0000${value}`, "utf8").digest();
}

export function storeOrderFields(f: HotlineOrderFields): StoredOrder {
  // A fixed key order: the JSON (and so the hash) of equal rows is equal.
  const stored: StoredOrderFields = {
    orderNo: f.orderNo,
    receivedAt: f.receivedAt,
    kind: f.kind,
    category: f.category,
    content: f.content,
    address: f.address,
    lon: f.lon,
    lat: f.lat,
    reporterName: f.reporterName,
    reporterPhoneHash: f.reporterPhone ? hmac("hotline.phone", f.reporterPhone).toString("hex") : null,
    urgency: f.urgency,
    dueAt: f.dueAt,
  };
  const json = JSON.stringify(stored);
  return {
    stored,
    json,
    contentHash: hmac("hotline.order.v1", json),
    phoneCipher: f.reporterPhone ? encryptPii(f.reporterPhone) : null,
  };
}

export type ChangedField =
  | "content"
  | "address"
  | "urgency"
  | "reporterName"
  | "reporterPhone"
  | "receivedAt"
  | "dueAt"
  | "kind"
  | "category"
  | "location";

/** Which fields differ between the stored row and the new one (the phone by its hash). */
export function changedFields(before: StoredOrderFields, after: StoredOrderFields): ChangedField[] {
  const out: ChangedField[] = [];
  if (before.content !== after.content) out.push("content");
  if (before.address !== after.address) out.push("address");
  if (before.urgency !== after.urgency) out.push("urgency");
  if (before.reporterName !== after.reporterName) out.push("reporterName");
  if (before.reporterPhoneHash !== after.reporterPhoneHash) out.push("reporterPhone");
  if (before.receivedAt !== after.receivedAt) out.push("receivedAt");
  if (before.dueAt !== after.dueAt) out.push("dueAt");
  if (before.kind !== after.kind) out.push("kind");
  if (before.category !== after.category) out.push("category");
  if (before.lon !== after.lon || before.lat !== after.lat) out.push("location");
  return out;
}

/** The changes an import applies to an existing case; the rest is kept in the ledger but left to the case's handlers. */
export const CASE_UPDATABLE: readonly ChangedField[] = ["content", "address", "urgency", "reporterName", "reporterPhone"];
/** Changes that concern only the ledger (the hotline's own deadline). */
export const LEDGER_ONLY: readonly ChangedField[] = ["dueAt"];
