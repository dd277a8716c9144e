import Link from "next/link";
import type { ReactNode } from "react";
import { t } from "@/lib/i18n";
import { TopBar } from "./top-bar";

export type BackLink = { href: string; label: string; testId?: string };

const BACK_TO_MAP: BackLink = { href: "/", label: t.common.backToMap };

/**
 * The frame of a console page that is not the map: the top bar with one way back (to the map unless the
 * page names another), then the page. A page that its caller may not open never reaches this: it calls
 * `requirePagePermission` (app/_lib/page-context.ts), and the console's forbidden.tsx draws the same
 * frame around the 403 notice.
 */
export function ConsoleFrame({ back = BACK_TO_MAP, children }: { back?: BackLink; children: ReactNode }) {
  return (
    <>
      <TopBar districtName={null} actions={<TopBarBackLink {...back} />} />
      {children}
    </>
  );
}

/** "← 返回地图" in the top bar. */
export function TopBarBackLink({ href, label, testId }: BackLink) {
  return (
    <Link
      href={href}
      className="rounded-md bg-white/10 px-3 py-1.5 text-sm text-white hover:bg-white/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      data-testid={testId}
    >
      ← {label}
    </Link>
  );
}
