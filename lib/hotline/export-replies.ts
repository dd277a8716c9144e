import "server-only";
import ExcelJS from "exceljs";
import { z } from "zod";
import { findReplyRows, type ReplyRow } from "../../db/queries/hotline-export";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { compactDate } from "../format/content-disposition";
import { toCsv } from "../format/csv";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import { hotline } from "../i18n/zh-CN/hotline";
import { maskPersonalNumbers } from "../pii/mask";
import { HOTLINE_KINDS } from "./parse-order-row";
import { beijingWallTime, formatBeijing } from "./parse-time";

export const MAX_REPLY_ROWS = 50_000;
const DAY_MS = 86_400_000;

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const ExportRepliesSchema = z.object({
  /** Beijing calendar days, inclusive; default the last 31 days. */
  from: DateSchema.nullish(),
  to: DateSchema.nullish(),
  onlyFinished: z.union([z.boolean(), z.enum(["1", "0", "true", "false", "on"])]).nullish(),
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
});

/** The columns of the reply file: the order number first, as the hotline matches replies by it. */
export const REPLY_COLUMNS = [
  "orderNo",
  "receivedAt",
  "kind",
  "status",
  "unit",
  "reply",
  "finishedAt",
  "satisfaction",
  "caseNumber",
] as const;

export type ReplyFile = {
  body: Uint8Array | string;
  contentType: string;
  fileName: string;
  asciiFileName: string;
  rowCount: number;
};

const KIND_LABEL = Object.fromEntries(Object.entries(HOTLINE_KINDS).map(([label, kind]) => [kind, label])) as Record<
  string,
  string
>;

/** One reply line as the hotline reads it (Chinese labels, Beijing times; numbers typed into the reply masked). */
export function replyCells(r: ReplyRow): string[] {
  const status =
    r.order_status === "needs_location" || !r.state
      ? hotline.export.statusNeedsLocation
      : (caseLoop.stateLabels[r.state as keyof typeof caseLoop.stateLabels] ?? r.state);
  return [
    r.order_no,
    formatBeijing(r.received_at),
    r.kind ? (KIND_LABEL[r.kind] ?? r.kind) : "",
    status,
    r.unit_name ?? "",
    r.reply ? maskPersonalNumbers(r.reply) : "",
    formatBeijing(r.finished_at),
    r.satisfaction
      ? (caseLoop.satisfactionLabels[r.satisfaction as keyof typeof caseLoop.satisfactionLabels] ?? r.satisfaction)
      : "",
    r.case_number ?? "",
  ];
}

/**
 * 回复导出: the handling of the area's 12345 orders in the shape the hotline takes back (工单编号, 办理状态,
 * 办理结果, 办结时间, 满意度 …), as xlsx or CSV with a BOM. The reply is the latest note of a report back,
 * a close or a cancellation on the case's timeline.
 */
export async function exportReplies({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<ReplyFile> {
  const scope = authorize(ctx, "case.import");
  const parsed = parseInput(ExportRepliesSchema, input);
  const range = replyRange(parsed.from ?? null, parsed.to ?? null);
  const onlyFinished =
    parsed.onlyFinished === true || parsed.onlyFinished === "1" || parsed.onlyFinished === "true" || parsed.onlyFinished === "on";
  const rows = await inScope(ctx.db, scope, async (trx) => {
    const found = await findReplyRows(trx, scope, { ...range, onlyFinished, limit: MAX_REPLY_ROWS });
    await recordAudit(trx, ctx, {
      action: "hotline.export_replies",
      entity: "hotline_order",
      entityId: null,
      after: { from: range.from, to: range.to, onlyFinished, rows: found.length, format: parsed.format },
    });
    return found;
  });
  const header = REPLY_COLUMNS.map((c) => hotline.export.columns[c]);
  const cells = rows.map(replyCells);
  const stamp = compactDate(new Date());
  const base = {
    fileName: `${hotline.export.fileName(stamp)}.${parsed.format}`,
    asciiFileName: `12345-replies-${stamp}.${parsed.format}`,
    rowCount: rows.length,
  };
  if (parsed.format === "csv") return { ...base, body: toCsv(header, cells), contentType: "text/csv; charset=utf-8" };
  return {
    ...base,
    body: await replyXlsx(header, cells),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}

/** [from 00:00, the day after `to` 00:00) in Beijing time; the last 31 days when not given. */
export function replyRange(from: string | null, to: string | null, now: Date = new Date()): { from: Date; to: Date } {
  const day = (text: string) => {
    const [y, m, d] = text.split("-").map(Number);
    const at = beijingWallTime(y, m, d);
    if (!at) throw new DomainError("VALIDATION", hotline.export.rangeInvalid);
    return at;
  };
  const end = to ? new Date(day(to).getTime() + DAY_MS) : new Date(now.getTime() + DAY_MS);
  const start = from ? day(from) : new Date(end.getTime() - 32 * DAY_MS);
  if (start.getTime() >= end.getTime() || end.getTime() - start.getTime() > 370 * DAY_MS)
    throw new DomainError("VALIDATION", hotline.export.rangeInvalid);
  return { from: start, to: end };
}

async function replyXlsx(header: readonly string[], rows: readonly string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(hotline.export.title, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({ header: h, width: [20, 18, 10, 16, 24, 48, 18, 12, 20][i] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  // Order numbers and case numbers are text, never numbers (Excel would drop leading zeros and digits).
  sheet.getColumn(1).numFmt = "@";
  sheet.getColumn(9).numFmt = "@";
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn(6).alignment = { wrapText: true, vertical: "top" };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
