import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { addDays, beijingDay } from "@/lib/format/time";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { filterControlClass } from "@/components/ui/field";

export const metadata: Metadata = { title: `${hotline.export.title} · ${hotline.pageTitle}` };
export const dynamic = "force-dynamic";

const text = hotline.export;
const control = `mt-1 block ${filterControlClass}`;
const button =
  "rounded-lg px-4 py-2 text-sm font-semibold shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-2";

/** 回复导出: the handling of the area's 12345 orders as the hotline takes it back (a plain GET form: the browser downloads the file). */
export default async function HotlineExportPage() {
  await requirePagePermission("case.import");
  return (
    <PageBody testId="hotline-export-page">
      <PageHeader title={text.title} intro={text.intro} introClass="mt-1 max-w-3xl" />
      <form
        method="get"
        action="/api/hotline/replies"
        className="mt-4 max-w-3xl rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
        data-testid="replies-form"
      >
        <div className="flex flex-wrap items-end gap-4">
          <label className="text-xs font-medium text-slate-600">
            {text.from}
            <input
              type="date"
              name="from"
              required
              defaultValue={addDays(beijingDay(), -30)}
              className={control}
              data-testid="replies-from"
            />
          </label>
          <label className="text-xs font-medium text-slate-600">
            {text.to}
            <input type="date" name="to" required defaultValue={beijingDay()} className={control} data-testid="replies-to" />
          </label>
          <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
            <input type="checkbox" name="onlyFinished" value="1" className="h-4 w-4 rounded border-slate-300" />
            {text.onlyFinished}
          </label>
        </div>
        <p className="mt-4 text-xs text-slate-500">{Object.values(text.columns).join(" · ")}</p>
        <div className="mt-4 flex gap-3">
          <button
            type="submit"
            name="format"
            value="xlsx"
            className={`${button} bg-sky-600 text-white hover:bg-sky-700 focus-visible:ring-sky-400`}
            data-testid="replies-xlsx"
          >
            {text.xlsx}
          </button>
          <button
            type="submit"
            name="format"
            value="csv"
            className={`${button} bg-white text-sky-700 ring-1 ring-slate-300 hover:bg-sky-50 focus-visible:ring-sky-400`}
            data-testid="replies-csv"
          >
            {text.csv}
          </button>
        </div>
      </form>
    </PageBody>
  );
}
