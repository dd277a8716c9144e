import "server-only";
import { findActiveCategories, HOTLINE_SYSTEM } from "../../db/queries/hotline";
import type { Database } from "../../db/client";
import type { Scope } from "../auth/scope";
import { createCaseInTransaction } from "../case/report-case";
import type { RequestContext } from "../context";
import { hotline } from "../i18n/zh-CN/hotline";
import type { StoredOrderFields } from "./order-fields";
import { HOTLINE_KIND_CATEGORY, type RowRejection } from "./parse-order-row";
import { DomainError, isDomainError } from "../errors";

/** Category ids by code and by name (the 事件类别 column may hold either). */
export type CategoryLookup = { byCode: ReadonlyMap<string, number>; byName: ReadonlyMap<string, number> };

export async function loadCategoryLookup(db: Database): Promise<CategoryLookup> {
  const rows = await findActiveCategories(db);
  const byName = new Map<string, number>();
  for (const r of rows) if (!byName.has(r.name)) byName.set(r.name, r.id);
  return { byCode: new Map(rows.map((r) => [r.code, r.id])), byName };
}

/** The order's category: the 事件类别 cell when given, else the hotline kind's own category; null when unknown. */
export function categoryIdOf(order: Pick<StoredOrderFields, "category" | "kind">, lookup: CategoryLookup): number | null {
  if (order.category) {
    const text = order.category.trim();
    return lookup.byCode.get(text.toLowerCase()) ?? lookup.byName.get(text) ?? null;
  }
  return lookup.byCode.get(HOTLINE_KIND_CATEGORY[order.kind]) ?? null;
}

/**
 * Files a 12345 order as a case at a point (the lead's createCaseInTransaction: grid by point-in-polygon, the
 * accept clock from the order's 受理时间, timeline, audit, job). The refusals that concern the row — outside
 * the district, outside the importer's area, a category that is gone — come back as a RowRejection; they are
 * raised before anything is written, so the transaction stays usable for the next row.
 */
export async function createOrderCase(
  trx: Database,
  args: {
    ctx: RequestContext;
    scope: Scope;
    order: StoredOrderFields;
    phone: string | null;
    categoryId: number;
    lon: number;
    lat: number;
  },
): Promise<{ ok: true; caseId: number; number: string } | { ok: false; rejection: RowRejection }> {
  const { order } = args;
  try {
    const created = await createCaseInTransaction(trx, {
      ctx: args.ctx,
      scope: args.scope,
      input: {
        categoryId: args.categoryId,
        description: order.content,
        lon: args.lon,
        lat: args.lat,
        address: order.address,
        urgency: order.urgency,
        source: "hotline",
        photoIds: [],
        reporterName: order.reporterName,
        reporterPhone: args.phone,
        risk: null,
        channel: "import",
        externalSystem: HOTLINE_SYSTEM,
        externalId: order.orderNo,
        reportedAt: new Date(order.receivedAt),
      },
    });
    return { ok: true, ...created };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { ok: false, rejection: rejectionOf(error, order) };
  }
}

function rejectionOf(error: DomainError, order: StoredOrderFields): RowRejection {
  const e = hotline.rowErrors;
  if (error.code === "FORBIDDEN") return { code: "outside_area", message: e.outsideArea };
  if (error.details?.location) return { code: "outside_district", message: e.outsideDistrict };
  if (error.details?.categoryId) return { code: "unknown_category", message: e.unknownCategory(order.category ?? order.kind) };
  return { code: "internal_error", message: error.message };
}
