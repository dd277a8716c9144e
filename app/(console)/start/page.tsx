import { redirect } from "next/navigation";
import { requirePageContext } from "@/app/_lib/page-context";
import { landingPathFor } from "@/lib/auth/landing";

export const dynamic = "force-dynamic";

/** Where sign-in and "返回首页" lead: the caller's own start page (lib/auth/landing.ts decides which). */
export default async function StartPage() {
  const ctx = await requirePageContext();
  redirect(landingPathFor(ctx.actor.assignments.map((a) => a.role)));
}
