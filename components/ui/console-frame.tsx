import type { ReactNode } from "react";
import { HomeBackLink } from "./home-back-link";
import { TopBar } from "./top-bar";
import { TopBarBackLink, type BackLink } from "./top-bar-back-link";

export type { BackLink } from "./top-bar-back-link";
export { TopBarBackLink } from "./top-bar-back-link";

/**
 * The frame of a console page that is not the map: the top bar with one way back (to the map, or the
 * caller's start page for a role without it, unless the page names another; `null`: none, for a start page
 * itself), then the page. A page that its caller may not open never reaches this: it calls
 * `requirePagePermission` (app/_lib/page-context.ts), and the console's forbidden.tsx draws the same
 * frame around the 403 notice.
 */
export function ConsoleFrame({ back, children }: { back?: BackLink | null; children: ReactNode }) {
  const action = back === null ? null : back ? <TopBarBackLink {...back} /> : <HomeBackLink />;
  return (
    <>
      <TopBar districtName={null} actions={action} />
      {children}
    </>
  );
}
