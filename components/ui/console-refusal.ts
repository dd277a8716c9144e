import { t } from "@/lib/i18n";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { open311 } from "@/lib/i18n/zh-CN/open311";

/**
 * What the 403 notice says on each console page (Next's forbidden.tsx gets no props, so the notice
 * finds its text by the path it stands on). The page itself names the permission it needs
 * (`requirePagePermission`); this only says, in the page's own words, who may open it.
 */
const REFUSALS: readonly [RegExp, string][] = [
  [/^\/admin\/case-config(\/|$)/, caseDesk.config.forbidden],
  [/^\/admin\/api-keys$/, open311.keys.forbiddenBody],
  [/^\/admin\/accounts$/, t.account.forbiddenBody],
  [/^\/hotline(\/|$)/, hotline.forbiddenBody],
  [/^\/cases\/rates$/, caseDesk.rates.forbidden],
  [/^\/cases$/, caseDesk.list.forbidden],
  [/^\/audit$/, t.audit.forbidden],
  [/^\/exports$/, t.resident.exportPage.nothingAllowed],
  [/^\/residents\/[^/]+$/, t.auth.forbiddenAction["resident.read"]],
  [/^\/topology$/, t.auth.forbiddenAction["topology.read"]],
];

/** The refusal text for a console path (the generic "您没有权限执行此操作。" where no page names one). */
export function refusalFor(pathname: string): string {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return REFUSALS.find(([pattern]) => pattern.test(path))?.[1] ?? t.errors.FORBIDDEN;
}
