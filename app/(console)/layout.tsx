import type { ReactNode } from "react";
import { requirePageContext } from "@/app/_lib/page-context";
import { UserBadgeProvider } from "@/components/ui/user-menu";
import { userBadge } from "@/lib/auth/user-badge";

/** The signed-in desktop console: a full-height column (top bar, then the screen's content). */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext();
  return (
    <UserBadgeProvider badge={userBadge(ctx.actor)}>
      <div className="flex h-dvh min-w-[1280px] flex-col overflow-hidden">{children}</div>
    </UserBadgeProvider>
  );
}
