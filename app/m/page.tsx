import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireMobileContext } from "@/app/m/_lib/mobile-context";
import { DraftIndicator } from "@/components/mobile/draft-indicator";
import { MobileHeader } from "@/components/mobile/mobile-header";
import { reportDraftKey } from "@/components/mobile/storage-key";
import { userBadge } from "@/lib/auth/user-badge";
import { can } from "@/lib/auth/authorize";
import { listMyTasks } from "@/lib/case/list-my-tasks";
import { t } from "@/lib/i18n";
import { attendancePunch } from "@/lib/i18n/zh-CN/attendance-punch";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";

export const metadata: Metadata = { title: caseIntake.shell.homeTitle };
export const dynamic = "force-dynamic";

/** The phone's home (/m): report a case, my tasks with how many wait, the console, sign-out. */
export default async function MobileHome() {
  const ctx = await requireMobileContext();
  const badge = userBadge(ctx.actor);
  const mayReport = can(ctx, "case.report");
  const mayRead = can(ctx, "case.read");
  const mayPunch = can(ctx, "attendance.self");
  if (!mayReport && !mayRead && !mayPunch) forbidden();
  const tasks = mayRead ? await listMyTasks({ ctx }) : { sections: [] };
  const waiting = tasks.sections.filter((s) => s.kind !== "mine").reduce((n, s) => n + s.items.length, 0);
  return (
    <>
      <MobileHeader title={caseIntake.shell.homeTitle} />
      <main className="space-y-4 p-4" data-testid="mobile-home">
        <div>
          <p className="text-lg font-semibold text-slate-900" data-testid="mobile-greeting">
            {caseIntake.home.greeting(ctx.actor.displayName)}
          </p>
          <p className="text-sm text-slate-500">{badge.roles.join("；")}</p>
        </div>
        {mayReport && (
          <Link
            href="/m/report"
            className="block rounded-2xl bg-sky-600 p-5 text-white shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2"
            data-testid="home-report"
          >
            <span className="block text-xl font-semibold">{caseIntake.shell.reportTitle}</span>
            <span className="mt-1 block text-sm text-sky-100">{caseIntake.home.reportHint}</span>
            <DraftIndicator storageKey={reportDraftKey(ctx.actor.userId)} />
          </Link>
        )}
        {mayRead && (
          <Link
            href="/m/tasks"
            className="block rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
            data-testid="home-tasks"
          >
            <span className="flex items-center justify-between">
              <span className="text-xl font-semibold text-slate-900">{caseIntake.shell.tasksTitle}</span>
              {waiting > 0 && (
                <span className="grid h-8 min-w-8 place-items-center rounded-full bg-red-600 px-2 text-sm font-bold text-white">
                  {waiting}
                </span>
              )}
            </span>
            <span className="mt-1 block text-sm text-slate-500" data-testid="home-tasks-count">
              {caseIntake.home.tasksHint(waiting)}
            </span>
          </Link>
        )}
        {mayPunch && (
          <Link
            href="/m/attendance"
            className="block rounded-2xl bg-emerald-600 p-5 text-white shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-400 focus-visible:ring-offset-2"
            data-testid="home-attendance"
          >
            <span className="block text-xl font-semibold">{attendancePunch.homeTitle}</span>
            <span className="mt-1 block text-sm text-emerald-100">{attendancePunch.homeHint}</span>
          </Link>
        )}
        <div className="grid grid-cols-2 gap-3 pt-2">
          <Link
            href="/"
            className="flex min-h-12 items-center justify-center rounded-xl bg-white text-sm text-slate-700 ring-1 ring-slate-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
          >
            {caseIntake.shell.consoleLink}
          </Link>
          <form method="post" action="/api/auth/sign-out">
            <button
              type="submit"
              className="flex min-h-12 w-full items-center justify-center rounded-xl bg-white text-sm text-rose-700 ring-1 ring-slate-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-rose-400"
              data-testid="mobile-sign-out"
            >
              {t.auth.signOut}
            </button>
          </form>
        </div>
      </main>
    </>
  );
}
