import type { ReactNode } from "react";
import { requirePagePermission } from "@/app/_lib/page-context";
import { HotlineTabs } from "@/components/hotline/hotline-tabs";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { listQueue } from "@/lib/hotline/queue";

/** The 12345 desk (street operators, the district command centre): import, the needs-location queue, replies. */
export default async function HotlineLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePagePermission("case.import");
  const queued = (await listQueue({ ctx, input: { limit: 1 } })).total;
  return (
    <ConsoleFrame>
      <HotlineTabs queued={queued} />
      {children}
    </ConsoleFrame>
  );
}
