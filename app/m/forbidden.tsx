"use client";

import { usePathname } from "next/navigation";
import { mobileRefusalFor } from "@/app/m/_lib/mobile-refusal";
import { MobileHeader } from "@/components/mobile/mobile-header";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";

/** A phone page its caller's roles do not open: the page's header and the Chinese notice, with HTTP 403. */
export default function MobileForbidden() {
  const refusal = mobileRefusalFor(usePathname());
  return (
    <>
      <MobileHeader title={refusal.title} back={refusal.back} />
      <ForbiddenNotice message={refusal.message} />
    </>
  );
}
