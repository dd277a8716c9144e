import type { TransferDetailRow, TransferListRow } from "../../db/queries/transfer";
import type { GridGapRow } from "../../db/queries/grid-post";
import { formatDateTime } from "../format/time";
import { t } from "../i18n";

const tr = t.transfer;

/** "网格名 · 专职网格员", or "无网格岗位". */
export function postLabel(region: string | null, gridRole: string | null): string {
  if (!region || !gridRole) return tr.noPost;
  return `${region} · ${tr.gridRoles[gridRole] ?? gridRole}`;
}

export type TransferListItemDto = {
  id: number;
  staffId: number;
  staffName: string;
  staffNo: string;
  from: string;
  to: string;
  effectiveDate: string;
  state: string;
  stateLabel: string;
  release: string;
  receive: string;
  applyError: string | null;
};

export function toTransferListItem(r: TransferListRow): TransferListItemDto {
  return {
    id: r.id,
    staffId: r.staffId,
    staffName: r.staffName,
    staffNo: r.staffNo,
    from: `${r.fromDepartment}（${postLabel(r.fromRegion, r.fromGridRole)}）`,
    to: `${r.toDepartment}（${postLabel(r.toRegion, r.toGridRole)}）`,
    effectiveDate: r.effectiveDate,
    state: r.state,
    stateLabel: tr.states[r.state] ?? r.state,
    release: r.releaseDecision ? tr.decisions[r.releaseDecision] : tr.undecided,
    receive: r.receiveDecision ? tr.decisions[r.receiveDecision] : tr.undecided,
    applyError: r.applyError,
  };
}

export type TransferTimelineEntry = {
  at: string;
  text: string;
  kind: "requested" | "decided" | "cancelled" | "applied" | "failed";
};

export type TransferSideDto = {
  side: "release" | "receive";
  label: string;
  decision: string | null;
  decisionLabel: string;
  by: string | null;
  at: string | null;
  note: string | null;
  /** Whether the caller may decide this side now. */
  canDecide: boolean;
};

export type TransferDetailDto = {
  id: number;
  staffId: number;
  staffName: string;
  staffNo: string;
  from: { department: string; position: string; post: string };
  to: { department: string; position: string; post: string };
  reason: string;
  effectiveDate: string;
  state: string;
  stateLabel: string;
  version: number;
  sides: TransferSideDto[];
  applyError: string | null;
  canCancel: boolean;
  timeline: TransferTimelineEntry[];
  /** Grids this transfer left (or would leave) without a 专职网格员 today. */
  gridGaps: string[];
};

export function toTransferDetail(
  r: TransferDetailRow,
  can: { release: boolean; receive: boolean; cancel: boolean },
  gaps: readonly GridGapRow[],
): TransferDetailDto {
  const side = (s: "release" | "receive"): TransferSideDto => {
    const decision = s === "release" ? r.releaseDecision : r.receiveDecision;
    const at = s === "release" ? r.releaseAt : r.receiveAt;
    return {
      side: s,
      label: tr.sides[s],
      decision,
      decisionLabel: decision ? tr.decisions[decision] : tr.undecided,
      by: s === "release" ? r.releaseByName : r.receiveByName,
      at: at ? formatDateTime(at) : null,
      note: s === "release" ? r.releaseNote : r.receiveNote,
      canDecide: r.state === "pending" && decision === null && can[s],
    };
  };
  const timeline: (TransferTimelineEntry & { sort: number })[] = [
    {
      at: formatDateTime(r.requestedAt),
      text: tr.timeline.requested(r.requestedByName),
      kind: "requested",
      sort: +new Date(r.requestedAt),
    },
  ];
  for (const s of ["release", "receive"] as const) {
    const d = side(s);
    const at = s === "release" ? r.releaseAt : r.receiveAt;
    if (d.decision && at)
      timeline.push({
        at: formatDateTime(at),
        text: tr.timeline.decided(d.label, d.by ?? "", d.decisionLabel) + (d.note ? `：${d.note}` : ""),
        kind: "decided",
        sort: +new Date(at),
      });
  }
  if (r.cancelledAt)
    timeline.push({
      at: formatDateTime(r.cancelledAt),
      text: tr.timeline.cancelled(r.cancelledByName ?? "") + (r.cancelNote ? `：${r.cancelNote}` : ""),
      kind: "cancelled",
      sort: +new Date(r.cancelledAt),
    });
  if (r.appliedAt)
    timeline.push({ at: formatDateTime(r.appliedAt), text: tr.timeline.applied, kind: "applied", sort: +new Date(r.appliedAt) });
  else if (r.applyError && r.applyAttemptedAt)
    timeline.push({
      at: formatDateTime(r.applyAttemptedAt),
      text: tr.timeline.failed(r.applyError),
      kind: "failed",
      sort: +new Date(r.applyAttemptedAt),
    });
  timeline.sort((a, b) => a.sort - b.sort);
  return {
    id: r.id,
    staffId: r.staffId,
    staffName: r.staffName,
    staffNo: r.staffNo,
    from: { department: r.fromDepartment, position: r.fromPosition, post: postLabel(r.fromRegion, r.fromGridRole) },
    to: { department: r.toDepartment, position: r.toPosition, post: postLabel(r.toRegion, r.toGridRole) },
    reason: r.reason,
    effectiveDate: r.effectiveDate,
    state: r.state,
    stateLabel: tr.states[r.state] ?? r.state,
    version: r.version,
    sides: [side("release"), side("receive")],
    applyError: r.state === "approved" ? r.applyError : null,
    canCancel: can.cancel && (r.state === "pending" || r.state === "approved"),
    timeline: timeline.map(({ sort: _sort, ...e }) => e),
    gridGaps: gaps.map((g) => g.name),
  };
}
