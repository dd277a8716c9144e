import "server-only";
import { z } from "zod";
import { idSchema } from "../id";
import { errorMessages } from "../i18n/zh-CN/errors";
import { countQueuedOrders, findQueuedOrderForUpdate, findQueuedOrders, markOrderImported } from "../../db/queries/hotline";
import { inScope } from "../../db/queries/scope";
import type { Database } from "../../db/client";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { hotline } from "../i18n/zh-CN/hotline";
import { maskPersonalNumbers } from "../pii/mask";
import { decryptPii } from "../pii/protect";
import { categoryIdOf, createOrderCase, loadCategoryLookup } from "./create-order-case";
import type { QueueItemDto, QueuePageDto } from "./dto";
import { actorSnapshot, hotlineContext } from "./importer-context";
import type { StoredOrderFields } from "./order-fields";
import { HOTLINE_KINDS } from "./parse-order-row";

const KIND_LABEL = Object.fromEntries(Object.entries(HOTLINE_KINDS).map(([label, kind]) => [kind, label])) as Record<
  string,
  string
>;

const ListQueueSchema = z.object({
  after: z
    .string()
    .regex(/^\d{13}_\d{1,15}$/)
    .nullish(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Orders waiting to be placed on the map, of the caller's area, oldest first (keyset pages). No caller's name
 * or phone; identity numbers and phones typed into the content or address are masked (the clear text is
 * revealed on the case once the order is placed).
 */
export async function listQueue({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<QueuePageDto> {
  const scope = authorize(ctx, "case.import");
  const { after, limit } = parseInput(ListQueueSchema, input ?? {});
  const cursor = after ? { receivedAt: new Date(Number(after.split("_")[0])), id: Number(after.split("_")[1]) } : null;
  return inScope(ctx.db, scope, async (trx) => {
    const [rows, total] = await Promise.all([
      findQueuedOrders(trx, scope, { limit: limit + 1, after: cursor }),
      countQueuedOrders(trx, scope),
    ]);
    const items: QueueItemDto[] = rows.slice(0, limit).map((r) => {
      const f = r.fields as StoredOrderFields;
      return {
        id: r.id,
        orderNo: r.order_no,
        version: r.version,
        receivedAt: new Date(r.received_at).toISOString(),
        dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
        kind: KIND_LABEL[f.kind] ?? f.kind,
        address: f.address === null ? null : maskPersonalNumbers(f.address),
        content: maskPersonalNumbers(f.content),
      };
    });
    const last = rows.length > limit ? items[items.length - 1] : null;
    return { items, total, nextCursor: last ? `${new Date(last.receivedAt).getTime()}_${last.id}` : null };
  });
}

const LocateSchema = z.object({
  orderId: idSchema(errorMessages.invalidId, "bigint"),
  version: idSchema(errorMessages.invalidId, "int4"),
  lon: z.number().min(73).max(136),
  lat: z.number().min(3).max(54),
});

/**
 * 待定位 → 建案: a street operator (or the district) clicks where the order happened; the case is created
 * there as the import would have (the order's 受理时间, its caller, its category), and the order leaves the
 * queue. The order is locked and its version checked: two operators placing it at once create one case.
 */
export async function locateQueuedOrder({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: unknown;
}): Promise<{ caseId: number; number: string }> {
  const scope = authorize(ctx, "case.import");
  const parsed = parseInput(LocateSchema, input);
  return inScope(ctx.db, scope, async (trx) => {
    const order = await findQueuedOrderForUpdate(trx, parsed.orderId, scope);
    if (!order) throw new DomainError("NOT_FOUND", hotline.queue.notFound);
    if (order.status !== "needs_location" || order.version !== parsed.version)
      throw new DomainError("CONFLICT", hotline.queue.stale);
    const fields = order.fields as StoredOrderFields;
    const categoryId = categoryIdOf(fields, await loadCategoryLookup(trx));
    if (categoryId === null)
      throw new DomainError("VALIDATION", hotline.rowErrors.unknownCategory(fields.category ?? fields.kind));
    const created = await createOrderCase(trx as Database, {
      ctx: hotlineContext(ctx.db, actorSnapshot(ctx), "locate"),
      scope,
      order: fields,
      phone: order.reporter_phone_cipher ? decryptPii(order.reporter_phone_cipher) : null,
      categoryId,
      lon: parsed.lon,
      lat: parsed.lat,
    });
    if (!created.ok) {
      const code = created.rejection.code === "outside_area" ? "FORBIDDEN" : "VALIDATION";
      throw new DomainError(
        code,
        created.rejection.code === "outside_area" ? hotline.errors.locationOutside : created.rejection.message,
      );
    }
    await markOrderImported(trx, order.id, created.caseId, ctx.actor.userId);
    await recordAudit(trx, ctx, {
      action: "hotline.locate",
      entity: "hotline_order",
      entityId: order.id,
      after: { orderNo: order.order_no, caseId: created.caseId, number: created.number, lon: parsed.lon, lat: parsed.lat },
    });
    return { caseId: created.caseId, number: created.number };
  });
}
