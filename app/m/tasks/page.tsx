import type { Metadata } from "next";
import Link from "next/link";
import { requireMobilePermission } from "@/app/m/_lib/mobile-context";
import { MobileHeader } from "@/components/mobile/mobile-header";
import { TaskCard } from "@/components/mobile/task-card";
import { listMyTasks } from "@/lib/case/list-my-tasks";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";

export const metadata: Metadata = { title: caseIntake.shell.tasksTitle };
export const dynamic = "force-dynamic";

/** 我的任务: the caller's work queues (to handle, to verify, waiting at the office's level) and the own reports. */
export default async function MobileTasksPage() {
  const ctx = await requireMobilePermission("case.read");
  const header = <MobileHeader title={caseIntake.shell.tasksTitle} back={{ href: "/m" }} />;
  const { sections } = await listMyTasks({ ctx });
  const now = new Date();
  return (
    <>
      {header}
      <main className="space-y-6 p-4 pb-10" data-testid="my-tasks">
        {sections.length === 0 && (
          <p
            className="rounded-xl bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200"
            data-testid="tasks-none"
          >
            {caseIntake.tasks.noRole}
          </p>
        )}
        {sections.map((s) => (
          <section key={s.kind} aria-labelledby={`tasks-${s.kind}`} data-testid={`tasks-${s.kind}`}>
            <h2
              id={`tasks-${s.kind}`}
              className="mb-2 flex items-baseline justify-between text-base font-semibold text-slate-900"
            >
              {caseIntake.tasks.sections[s.kind]}
              <span className="text-sm font-normal text-slate-500" data-testid="tasks-count">
                {s.items.length}
                {s.truncated ? "+" : ""}
              </span>
            </h2>
            {s.items.length === 0 ? (
              <p
                className="rounded-xl bg-white px-4 py-5 text-center text-sm text-slate-500 ring-1 ring-slate-200"
                data-testid="tasks-empty"
              >
                {caseIntake.tasks.empty[s.kind]}
              </p>
            ) : (
              <ul className="space-y-3">
                {s.items.map((item) => (
                  <TaskCard key={item.id} item={item} now={now} />
                ))}
              </ul>
            )}
            {s.truncated && (
              <Link href="/cases" className="mt-2 block text-center text-sm text-sky-700 underline">
                {caseIntake.tasks.more}
              </Link>
            )}
          </section>
        ))}
      </main>
    </>
  );
}
