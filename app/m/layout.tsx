import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { requireMobileContext } from "@/app/m/_lib/mobile-context";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";

export const metadata: Metadata = {
  title: { default: caseIntake.shell.homeTitle, template: `%s · ${caseIntake.shell.homeTitle}` },
  manifest: "/m/manifest.webmanifest",
};
export const viewport: Viewport = { width: "device-width", initialScale: 1, viewportFit: "cover", themeColor: "#0f172a" };

/**
 * The phone pages (app/m): no console chrome, one column of at most 430 px, large touch targets. Signed-in
 * only, like the console; each page checks its own permission.
 */
export default async function MobileLayout({ children }: { children: ReactNode }) {
  await requireMobileContext();
  return <div className="mx-auto min-h-dvh max-w-[430px] bg-slate-50 text-[15px]">{children}</div>;
}
