import { ConsoleFrame } from "@/components/ui/console-frame";
import { ConsoleRefusalNotice } from "@/components/ui/console-refusal-notice";

/**
 * A console page its caller's roles do not open (`requirePagePermission` called `forbidden()`): the
 * top bar and the Chinese notice, answered with HTTP 403. Next gives this file no props, so the notice
 * takes its text from the path.
 */
export default function ConsoleForbidden() {
  return (
    <ConsoleFrame>
      <ConsoleRefusalNotice />
    </ConsoleFrame>
  );
}
