import type { ReactNode } from "react";
import { t } from "@/lib/i18n";
import { GridLogo } from "../ui/top-bar";

/** The full-screen frame of the pages outside the console (sign-in, password change): brand, then a card. */
export function AuthScreen({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <main
      className="grid min-h-dvh place-items-center bg-gradient-to-br from-slate-900 via-slate-800 to-sky-900 p-6"
      data-testid={testId}
    >
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-3 text-white">
          <GridLogo className="h-10 w-10" />
          <div>
            <div className="text-2xl font-bold tracking-wide">{t.common.productName}</div>
            <div className="text-xs text-sky-200">{t.common.productSubtitle}</div>
          </div>
        </div>
        {children}
      </div>
    </main>
  );
}
