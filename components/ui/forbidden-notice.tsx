import Link from "next/link";
import { t } from "@/lib/i18n";
import { PageBody } from "@/components/ui/page-header";

/**
 * A page the caller's roles do not open: a clear notice in place of the content, never an error screen, and a
 * way to the caller's own start page (/start: the map, or the page a role without it begins on).
 */
export function ForbiddenNotice({ message }: { message: string }) {
  return (
    <PageBody testId="forbidden">
      <div className="mx-auto mt-10 max-w-lg rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200" role="alert">
        <p className="text-3xl font-bold text-amber-500">403</p>
        <p className="mt-3 text-sm leading-6 text-slate-700">{message}</p>
        <Link
          href="/start"
          className="mt-5 inline-flex rounded-lg bg-sky-600 px-4 py-2 text-sm font-medium text-white hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2"
        >
          {t.landing.backHome}
        </Link>
      </div>
    </PageBody>
  );
}
