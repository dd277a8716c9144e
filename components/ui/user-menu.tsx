"use client";

import Link from "next/link";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import type { UserBadge } from "@/lib/auth/user-badge";
import { t } from "@/lib/i18n";
import { useDismiss } from "./use-dismiss";

const UserBadgeContext = createContext<UserBadge | null>(null);

/** Provides the signed-in user's badge to the top bar of every console page (set once in the layout). */
export function UserBadgeProvider({ badge, children }: { badge: UserBadge; children: ReactNode }) {
  return <UserBadgeContext.Provider value={badge}>{children}</UserBadgeContext.Provider>;
}

/** The signed-in user's badge (null outside the console layout). */
export function useUserBadge(): UserBadge | null {
  return useContext(UserBadgeContext);
}

/** The user's name and roles; opens a menu with the pages the user may use, password change and sign-out. */
export function UserMenu() {
  const badge = useContext(UserBadgeContext);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(
    ref,
    open,
    useCallback(() => setOpen(false), []),
  );
  if (!badge) return null;
  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        onClick={() => setOpen((v) => !v)}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="user-menu"
        className="flex items-center gap-2 rounded-full bg-white/10 py-1 pl-1 pr-3 text-xs text-slate-200 hover:bg-white/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        <span className="grid h-6 w-6 place-items-center rounded-full bg-sky-500 text-[11px] font-bold text-white">
          {badge.primaryRole.slice(0, 1) || t.common.userInitial}
        </span>
        <span data-testid="user-name">{badge.displayName}</span>
        <span className="hidden text-slate-400 lg:inline">{badge.primaryRole}</span>
      </button>
      {open && (
        <div
          role="menu"
          className="absolute right-0 top-10 w-72 overflow-hidden rounded-xl bg-white text-sm text-slate-700 shadow-xl ring-1 ring-slate-200"
          data-testid="user-menu-panel"
        >
          <div className="border-b border-slate-100 px-4 py-3">
            <div className="font-semibold text-slate-900">
              {badge.displayName} <span className="font-normal text-slate-400">{badge.username}</span>
            </div>
            <ul className="mt-1 space-y-0.5 text-xs text-slate-500" data-testid="user-roles">
              {badge.roles.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
          <nav className="py-1">
            {badge.links.map((l) => (
              <Link
                key={l.href}
                href={l.href}
                role="menuitem"
                className="block px-4 py-2 hover:bg-slate-50 focus:bg-slate-50 focus:outline-none"
                onClick={() => setOpen(false)}
              >
                {l.label}
              </Link>
            ))}
          </nav>
          <form method="post" action="/api/auth/sign-out" className="border-t border-slate-100">
            <button
              type="submit"
              role="menuitem"
              className="block w-full px-4 py-2 text-left text-rose-700 hover:bg-rose-50 focus:bg-rose-50 focus:outline-none"
              data-testid="sign-out"
            >
              {t.auth.signOut}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
