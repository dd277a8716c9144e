import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: `${t.auth.signIn.title} · ${t.common.productName}` };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The Chinese sign-in message for the reason the sign-in route sent back. */
function messageFor(error: string | undefined, wait: number): string | null {
  switch (error) {
    case undefined:
      return null;
    case "throttled":
      return t.auth.signIn.throttled(wait > 0 ? wait : 30);
    case "disabled":
      return t.auth.signIn.disabled;
    case "cross-site":
      return t.auth.signIn.crossSite;
    case "missing":
      return t.auth.signIn.missing;
    case "internal":
      return t.errors.INTERNAL;
    default:
      return t.auth.signIn.failed;
  }
}

/** 登录: username and password; a plain form that posts to /api/auth/sign-in (works without JavaScript). */
export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  const error = messageFor(one("error"), Number(one("wait") ?? 0));
  const notice = one("signed-out") ? t.auth.signIn.signedOut : null;
  return (
    <main className="grid min-h-dvh place-items-center bg-gradient-to-br from-slate-900 via-slate-800 to-sky-900 p-6">
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
        <SignInForm next={one("next") ?? "/"} error={error} notice={notice} />
      </div>
    </main>
  );
}
