import "server-only";
import { findCaseForUpdate, insertCaseEvent, updateCase } from "../../db/queries/case";
import { findCategory } from "../../db/queries/case-config";
import type { Database } from "../../db/client";
import { recordAudit } from "../audit/record-audit";
import { loadCaseConfig } from "../case/case-config";
import type { CaseLevel, CaseState } from "../case/case-states";
import { lightAt, resolveLimit, stageOfState, startStageClock } from "../case/stage-clock";
import type { CaseUrgency } from "../case/time-limits";
import type { RequestContext } from "../context";
import { hotline } from "../i18n/zh-CN/hotline";
import { maskName, maskPersonalNumbers, maskPhone } from "../pii/mask";
import { encryptPii } from "../pii/protect";
import { enqueue } from "../../workers/enqueue";
import type { ChangedField, StoredOrderFields } from "./order-fields";

/**
 * A re-imported order whose content changed updates its case: description, address, urgency and the
 * caller's name and phone — what the hotline may correct after handing an order over. One timeline row
 * (import_update, the state unchanged) and one audit row say what changed; the phone never appears in either.
 * A new urgency re-times the running stage from its start (a stage already extended keeps its deadline).
 */
export async function updateOrderCase(
  trx: Database,
  args: {
    ctx: RequestContext;
    caseId: number;
    order: StoredOrderFields;
    phone: string | null;
    fields: readonly ChangedField[];
    batchId: number | null;
  },
): Promise<boolean> {
  const { ctx, order, fields } = args;
  const row = await findCaseForUpdate(trx, args.caseId);
  if (!row) return false;
  const patch: Record<string, unknown> = {};
  if (fields.includes("content")) patch.description = order.content;
  if (fields.includes("address")) patch.address = order.address;
  if (fields.includes("reporterName")) patch.reporter_name = order.reporterName;
  if (fields.includes("reporterPhone")) {
    patch.reporter_phone_cipher = args.phone ? encryptPii(args.phone) : null;
    patch.reporter_phone_masked = args.phone ? maskPhone(args.phone) : null;
  }
  if (fields.includes("urgency")) {
    const category = await findCategory(trx, row.category_id);
    // An empty 紧急程度 cell means the category's default, as at the first import.
    const urgency = (order.urgency ?? category?.default_urgency ?? row.urgency) as CaseUrgency;
    patch.urgency = urgency;
    const stage = stageOfState(row.state as CaseState);
    if (stage && row.stage_started_at && row.extension_count === 0) {
      const config = await loadCaseConfig(trx);
      const limit = resolveLimit(config.timeLimits, {
        categoryId: row.category_id,
        parentCategoryId: category?.parent_id ?? null,
        urgency,
        level: row.level as CaseLevel,
        stage,
      });
      const clock = startStageClock({
        stage,
        limit,
        start: new Date(row.stage_started_at),
        cal: config.calendar,
        yellowShare: config.yellowShare,
      });
      patch.yellow_at = clock.yellowAt;
      patch.deadline_at = clock.deadlineAt;
      const light = lightAt(clock, new Date());
      if (light !== row.light) {
        patch.light = light;
        patch.light_changed_at = new Date();
      }
      if (stage === "handle") patch.handle_deadline_at = clock.deadlineAt;
    }
  }
  if (Object.keys(patch).length === 0) return true;
  if ((await updateCase(trx, row.id, row.version, patch)) !== 1) return false;

  const labels = fields.map((f) => hotline.fieldLabels[f]);
  await insertCaseEvent(trx, {
    case_id: row.id,
    actor_user_id: ctx.actor.userId,
    actor_name: ctx.actor.displayName,
    action: "import_update",
    from_state: row.state,
    to_state: row.state,
    from_level: row.level,
    to_level: row.level,
    note: `12345 ${hotline.rowResults.updated(labels)}`,
    details: { orderNo: order.orderNo, batchId: args.batchId, fields },
    photo_ids: [],
    request_id: null,
  });
  // The audit log keeps no personal data in clear (record-audit.ts): the caller's name and the numbers
  // typed into the content and address are masked, as everywhere the case is shown.
  const auditText = (v: string | null) => (v === null ? null : maskPersonalNumbers(v));
  const auditName = (v: string | null) => (v === null || v.trim() === "" ? v : maskName(v));
  const before = {
    description: auditText(row.description),
    address: auditText(row.address),
    urgency: row.urgency,
    reporterName: auditName(row.reporter_name),
    reporterPhone: row.reporter_phone_masked,
  };
  const after = {
    description: auditText((patch.description as string | undefined) ?? row.description),
    address: auditText("address" in patch ? (patch.address as string | null) : row.address),
    urgency: (patch.urgency as string | undefined) ?? row.urgency,
    reporterName: auditName("reporter_name" in patch ? (patch.reporter_name as string | null) : row.reporter_name),
    reporterPhone: "reporter_phone_masked" in patch ? (patch.reporter_phone_masked as string | null) : row.reporter_phone_masked,
  };
  await recordAudit(trx, ctx, {
    action: "case.import_update",
    entity: "case",
    entityId: row.id,
    before,
    after: { ...after, orderNo: order.orderNo },
  });
  await enqueue(trx, "case.changed", { caseId: row.id, action: "import_update" });
  return true;
}
