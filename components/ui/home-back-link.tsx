"use client";

import { t } from "@/lib/i18n";
import { TopBarBackLink } from "./top-bar-back-link";
import { useUserBadge } from "./user-menu";

/**
 * The default way back from a console page: to the map for a role that has it, otherwise to the caller's own
 * start page (/start picks it), so a role without the map never follows a link to a page it may not open.
 */
export function HomeBackLink() {
  const badge = useUserBadge();
  const hasMap = !badge || badge.links.some((l) => l.href === "/");
  return hasMap ? (
    <TopBarBackLink href="/" label={t.common.backToMap} />
  ) : (
    <TopBarBackLink href="/start" label={t.landing.backHome} testId="back-home" />
  );
}
