import type { Metadata } from "next";
import Link from "next/link";
import { requirePageContext } from "@/app/_lib/page-context";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.account.password.pageTitle };
export const dynamic = "force-dynamic";

/**
 * 修改密码, outside the console: an account that must change its password is sent here by every
 * console page, so this page must not use the console's layout (it would redirect here again).
 */
export default async function ChangePasswordPage() {
  const ctx = await requirePageContext({ allowPasswordChange: true });
  const text = t.account.password;
  return (
    <main className="grid min-h-dvh place-items-center bg-gradient-to-br from-slate-900 via-slate-800 to-sky-900 p-6" data-testid="change-password-page">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-3 text-white">
          <svg viewBox="0 0 24 24" className="h-10 w-10" aria-hidden="true">
            <rect x="1.5" y="1.5" width="21" height="21" rx="4" className="fill-sky-500" />
            <path d="M8.5 4v16M15.5 4v16M4 8.5h16M4 15.5h16" className="stroke-white/80" strokeWidth="1.5" fill="none" />
            <rect x="9.5" y="9.5" width="5" height="5" rx="1" className="fill-amber-300" />
          </svg>
          <div>
            <div className="text-2xl font-bold tracking-wide">{t.common.productName}</div>
            <div className="text-xs text-sky-200">{t.common.productSubtitle}</div>
          </div>
        </div>
        <div className="rounded-2xl bg-white p-7 shadow-2xl">
          <h1 className="text-lg font-semibold text-slate-900">{text.pageTitle}</h1>
          <p className="mt-1 text-xs text-slate-500" data-testid="change-password-account">
            {text.signedInAs(ctx.actor.displayName, ctx.actor.username)}
          </p>
          {ctx.actor.mustChangePassword && (
            <p role="status" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200" data-testid="must-change-password">
              {t.auth.mustChangePassword}
            </p>
          )}
          <ChangePasswordForm />
          <div className="mt-5 flex items-center justify-between border-t border-slate-100 pt-4 text-sm">
            <Link href="/" className="text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400" data-testid="back-to-map">
              ← {t.common.backToMap}
            </Link>
            <form method="post" action="/api/auth/sign-out">
              <button type="submit" className="text-rose-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-rose-400" data-testid="sign-out">
                {t.auth.signOut}
              </button>
            </form>
          </div>
        </div>
      </div>
    </main>
  );
}
