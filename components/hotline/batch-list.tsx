import Link from "next/link";
import type { BatchDto } from "@/lib/hotline/dto";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { formatDateTime } from "@/lib/format/time";
import { seconds } from "./format";
import { StatusBadge } from "./status-badge";

const text = hotline.batches;
const cell = "border-b border-slate-200 px-3 py-2 text-left";

/** The recent imports of the caller's area, each linking to its report. */
export function BatchList({ batches }: { batches: BatchDto[] }) {
  return (
    <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-labelledby="batches-title">
      <h2 id="batches-title" className="font-semibold text-slate-900">
        {text.title}
      </h2>
      {batches.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500" data-testid="batches-empty">
          {text.empty}
        </p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="batches-table">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {[
                  text.columns.file,
                  text.columns.by,
                  text.columns.at,
                  text.columns.status,
                  text.columns.total,
                  text.columns.created,
                  text.columns.updated,
                  text.columns.unchanged,
                  text.columns.queued,
                  text.columns.rejected,
                  text.columns.duration,
                ].map((h) => (
                  <th key={h} scope="col" className={`${cell} whitespace-nowrap font-medium`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} className="hover:bg-slate-50" data-testid="batch-row">
                  <td className={cell}>
                    <Link
                      href={`/hotline/imports/${b.id}`}
                      className="text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
                    >
                      {b.fileName}
                    </Link>
                  </td>
                  <td className={cell}>{b.createdByName}</td>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatDateTime(b.createdAt)}</td>
                  <td className={cell}>
                    <StatusBadge status={b.status} />
                  </td>
                  <td className={`${cell} tabular-nums`}>{b.totalRows}</td>
                  <td className={`${cell} tabular-nums text-emerald-700`}>{b.counts.created}</td>
                  <td className={`${cell} tabular-nums text-sky-700`}>{b.counts.updated}</td>
                  <td className={`${cell} tabular-nums text-slate-500`}>{b.counts.unchanged}</td>
                  <td className={`${cell} tabular-nums text-amber-700`}>{b.counts.queued}</td>
                  <td className={`${cell} tabular-nums text-rose-700`}>{b.counts.rejected}</td>
                  <td className={`${cell} whitespace-nowrap tabular-nums text-slate-500`}>{seconds(b.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
