"use client";

import { usePathname } from "next/navigation";
import { refusalFor } from "./console-refusal";
import { ForbiddenNotice } from "./forbidden-notice";

/** The 403 notice of the console page the browser is on, in that page's words. */
export function ConsoleRefusalNotice() {
  return <ForbiddenNotice message={refusalFor(usePathname())} />;
}
