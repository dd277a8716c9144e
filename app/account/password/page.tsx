import type { Metadata } from "next";
import Link from "next/link";
import { requirePageContext } from "@/app/_lib/page-context";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { AuthScreen } from "@/components/auth/auth-screen";
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
    <AuthScreen testId="change-password-page">
      <div className="rounded-2xl bg-white p-7 shadow-2xl">
        <h1 className="text-lg font-semibold text-slate-900">{text.pageTitle}</h1>
        <p className="mt-1 text-xs text-slate-500" data-testid="change-password-account">
          {text.signedInAs(ctx.actor.displayName, ctx.actor.username)}
        </p>
        {ctx.actor.mustChangePassword && (
          <p
            role="status"
            className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200"
            data-testid="must-change-password"
          >
            {t.auth.mustChangePassword}
          </p>
        )}
        <ChangePasswordForm />
        <div className="mt-5 flex items-center justify-between border-t border-slate-100 pt-4 text-sm">
          <Link
            href="/"
            className="text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
            data-testid="back-to-map"
          >
            ← {t.common.backToMap}
          </Link>
          <form method="post" action="/api/auth/sign-out">
            <button
              type="submit"
              className="text-rose-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-rose-400"
              data-testid="sign-out"
            >
              {t.auth.signOut}
            </button>
          </form>
        </div>
      </div>
    </AuthScreen>
  );
}
