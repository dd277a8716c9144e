import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { QueueDesk } from "@/components/hotline/queue-desk";
import { getDistrictBounds } from "@/lib/grid/get-district-bounds";
import { listQueue } from "@/lib/hotline/queue";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: `${hotline.queue.title} · ${hotline.pageTitle}` };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 待定位: 12345 orders whose place could not be found, placed by hand on the map of the operator's area. */
export default async function HotlineQueuePage({ searchParams }: Props) {
  const ctx = await requirePagePermission("case.import");
  const sp = await searchParams;
  const after = typeof sp.after === "string" ? sp.after : null;
  const [page, view] = await Promise.all([listQueue({ ctx, input: { after, limit: 50 } }), getDistrictBounds({ ctx })]);
  return (
    <main className="flex min-h-0 flex-1 flex-col bg-slate-50 p-6" data-testid="hotline-queue-page">
      <PageHeader title={hotline.queue.title} intro={hotline.queue.intro} introClass="mt-1 mb-4 max-w-4xl" />
      <QueueDesk items={page.items} total={page.total} nextCursor={page.nextCursor} bounds={view.bounds} />
    </main>
  );
}
