import { DomainError, isDomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { revealResidentField } from "@/lib/resident/reveal-resident-field";
import type { RevealResidentFieldInput } from "@/lib/resident/schemas";
import { readJsonObject } from "../../../_lib/read-json";
import { respond } from "../../../_lib/respond";

/** POST {field, reason} → {field, value}: one field of one resident in clear (permission, reason, logged). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => {
      const body = (await readJsonObject(request).catch((error: unknown) => {
        throw isDomainError(error) && error.code === "TOO_LARGE" ? error : new DomainError("VALIDATION", t.errors.VALIDATION);
      })) as Partial<RevealResidentFieldInput>;
      return revealResidentField({
        ctx,
        input: {
          id: id as unknown as number,
          field: body?.field as RevealResidentFieldInput["field"],
          reason: body?.reason as string,
        },
      });
    },
    { personal: true },
  );
}
