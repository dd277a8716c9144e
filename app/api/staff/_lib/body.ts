import "server-only";
import { DomainError, isDomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { readJsonObject } from "../../_lib/read-json";

/** The JSON body of a staff route: an object, or VALIDATION (a body over 1 MB stays TOO_LARGE, 413). */
export async function staffBody(request: Request): Promise<Record<string, unknown>> {
  return readJsonObject(request).catch((error: unknown) => {
    throw isDomainError(error) && error.code === "TOO_LARGE" ? error : new DomainError("VALIDATION", t.errors.VALIDATION);
  });
}
