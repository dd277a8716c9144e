import Link from "next/link";

export type BackLink = { href: string; label: string; testId?: string };

/** "← 返回地图" in the top bar. */
export function TopBarBackLink({ href, label, testId }: BackLink) {
  return (
    <Link
      href={href}
      className="rounded-md bg-white/10 px-3 py-1.5 text-sm text-white hover:bg-white/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      data-testid={testId}
    >
      ← {label}
    </Link>
  );
}
