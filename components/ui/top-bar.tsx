import Link from "next/link";
import type { ReactNode } from "react";
import { t } from "@/lib/i18n";
import { NoticeBell } from "@/components/case/notice-bell";
import { UserMenu } from "./user-menu";

/** The console's top bar: product name, the district, a centre slot (search) and the signed-in user's menu. */
export function TopBar({
  districtName,
  children,
  actions,
}: {
  districtName: string | null;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header
      className="relative z-30 flex h-14 shrink-0 items-center gap-4 bg-slate-900 px-4 text-white shadow-md"
      data-testid="top-bar"
    >
      <Link
        href="/"
        className="flex shrink-0 items-center gap-2.5 rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        aria-label={t.common.productName}
      >
        <GridLogo />
        <span className="text-lg font-bold tracking-wide" data-testid="product-name">
          {t.common.productName}
        </span>
      </Link>
      {districtName && (
        <div className="flex shrink-0 items-center gap-2 border-l border-white/15 pl-4">
          <span className="text-sm font-medium text-sky-200" data-testid="district-name">
            {districtName}
          </span>
          <span className="hidden text-xs text-slate-400 xl:inline">{t.common.productSubtitle}</span>
        </div>
      )}
      <div className="flex min-w-0 flex-1 justify-center">{children}</div>
      <div className="flex shrink-0 items-center gap-3">
        {actions}
        <NoticeBell />
        <UserMenu />
      </div>
    </header>
  );
}

/** The product mark: a grid with its centre cell lit. */
export function GridLogo({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true">
      <rect x="1.5" y="1.5" width="21" height="21" rx="4" className="fill-sky-500" />
      <path d="M8.5 4v16M15.5 4v16M4 8.5h16M4 15.5h16" className="stroke-white/80" strokeWidth="1.5" fill="none" />
      <rect x="9.5" y="9.5" width="5" height="5" rx="1" className="fill-amber-300" />
    </svg>
  );
}
