import Link from "next/link";
import { t } from "@/lib/i18n";

/** The Chinese 404 screen (unknown page, unknown or malformed id, or data outside the caller's scope). */
export function NotFoundScreen({ title }: { title?: string }) {
  return (
    <main className="grid min-h-dvh place-items-center bg-slate-100 p-8" data-testid="not-found">
      <div className="w-full max-w-md rounded-2xl bg-white p-8 text-center shadow-lg ring-1 ring-slate-200">
        <p className="text-5xl font-bold text-sky-600">404</p>
        <h1 className="mt-4 text-xl font-semibold text-slate-900">{t.common.notFoundTitle}</h1>
        <p className="mt-2 text-sm leading-6 text-slate-600">{title ?? t.common.notFoundBody}</p>
        <Link
          href="/"
          className="mt-6 inline-flex rounded-lg bg-sky-600 px-4 py-2 text-sm font-medium text-white hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2"
        >
          {t.common.backToMap}
        </Link>
      </div>
    </main>
  );
}
