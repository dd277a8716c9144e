import type { Metadata } from "next";
import Link from "next/link";
import { requirePageContext } from "@/app/_lib/page-context";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { userBadge } from "@/lib/auth/user-badge";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.landing.pageTitle };
export const dynamic = "force-dynamic";

/**
 * 工作台: the start page of roles whose own pages are still to come (人事, 薪资). It says so, and lists the
 * pages the account may open today (the user menu's list), so signing in never ends on a refusal.
 */
export default async function WelcomePage() {
  const ctx = await requirePageContext();
  const badge = userBadge(ctx.actor);
  const roles = [...new Set(ctx.actor.assignments.map((a) => a.role))];
  const notes = roles.map((r) => t.landing.comingSoon[r]).filter(Boolean);
  const text = t.landing;
  return (
    <ConsoleFrame back={null}>
      <PageBody testId="welcome-page">
        <PageHeader title={text.greeting(badge.displayName)} intro={text.rolesLine(badge.roles.join("，"))} />
        <div className="mt-6 max-w-2xl space-y-4">
          <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="welcome-coming-soon">
            {(notes.length ? notes : [text.noOwnPages]).map((note) => (
              <p key={note} className="text-sm leading-6 text-slate-700">
                {note}
              </p>
            ))}
          </section>
          <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="text-sm font-semibold text-slate-900">{text.available}</h2>
            <ul className="mt-3 divide-y divide-slate-100" data-testid="welcome-links">
              {badge.links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    className="flex items-baseline justify-between gap-4 rounded px-2 py-2.5 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
                    data-testid="welcome-link"
                  >
                    <span className="text-sm font-medium text-sky-700">{link.label}</span>
                    <span className="text-xs text-slate-500">{text.hints[link.href] ?? ""}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <p className="mt-4 text-xs text-slate-500">{text.contact}</p>
          </section>
        </div>
      </PageBody>
    </ConsoleFrame>
  );
}
