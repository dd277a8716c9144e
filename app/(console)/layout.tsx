import type { ReactNode } from "react";

/** The desktop console: a full-height column (top bar, then the screen's content). */
export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return <div className="flex h-dvh min-w-[1280px] flex-col overflow-hidden">{children}</div>;
}
