import type { BatchDto } from "@/lib/hotline/dto";
import { hotline } from "@/lib/i18n/zh-CN/hotline";

const STYLE: Record<BatchDto["status"], string> = {
  pending: "bg-slate-100 text-slate-700",
  running: "bg-sky-100 text-sky-800",
  done: "bg-emerald-100 text-emerald-800",
  failed: "bg-rose-100 text-rose-800",
};

export function StatusBadge({ status }: { status: BatchDto["status"] }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[status]}`}>
      {hotline.batches.status[status]}
    </span>
  );
}
