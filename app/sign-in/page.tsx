import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthScreen } from "@/components/auth/auth-screen";
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
    <AuthScreen>
      <SignInForm next={one("next") ?? "/start"} error={error} notice={notice} />
    </AuthScreen>
  );
}
