import type { CaseDetailDto } from "@/lib/case/case-dto";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";

/**
 * Steps the caller would have but for the clock (today: 申请延期 once the handling limit has run out), shown
 * disabled with the rule's reason, so a handler sees why the button is gone instead of looking for it.
 */
export function BlockedActions({
  blocked,
  variant = "console",
}: {
  blocked: CaseDetailDto["blockedActions"];
  variant?: "console" | "phone";
}) {
  if (blocked.length === 0) return null;
  const button =
    variant === "phone" ? "min-h-12 w-full rounded-xl px-3 text-base font-medium" : "rounded-md px-3 py-1.5 text-sm font-medium";
  return (
    <ul className={variant === "phone" ? "space-y-2" : "mt-3 space-y-2"} data-testid="case-blocked-actions">
      {blocked.map(({ action, reason }) => (
        <li key={action} className="flex flex-wrap items-start gap-2">
          <button
            type="button"
            disabled
            aria-describedby={`blocked-${action}-reason`}
            data-testid={`case-blocked-${action}`}
            className={`${button} cursor-not-allowed bg-slate-100 text-slate-400 ring-1 ring-slate-200`}
          >
            {caseLoop.actionLabels[action]}
          </button>
          <p
            id={`blocked-${action}-reason`}
            className="min-w-0 flex-1 text-xs text-amber-800"
            data-testid={`case-blocked-${action}-reason`}
          >
            {reason}
          </p>
        </li>
      ))}
    </ul>
  );
}
