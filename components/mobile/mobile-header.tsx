import Link from "next/link";
import type { ReactNode } from "react";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";

/** The phone pages' header: back, the title, an optional action on the right. Sticky, thumb-sized. */
export function MobileHeader({
  title,
  back,
  action,
}: {
  title: string;
  back?: { href: string; label?: string };
  action?: ReactNode;
}) {
  return (
    <header
      className="sticky top-0 z-30 flex h-14 items-center gap-2 bg-slate-900 px-2 text-white shadow"
      data-testid="mobile-header"
    >
      {back ? (
        <Link
          href={back.href}
          className="grid h-11 min-w-11 place-items-center rounded-lg px-2 text-sm text-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          aria-label={back.label ?? caseIntake.shell.backHome}
          data-testid="mobile-back"
        >
          <span aria-hidden="true" className="text-xl leading-none">
            ‹
          </span>
        </Link>
      ) : (
        <span className="w-2" />
      )}
      <h1 className="min-w-0 flex-1 truncate text-lg font-semibold" data-testid="mobile-title">
        {title}
      </h1>
      {action}
    </header>
  );
}
