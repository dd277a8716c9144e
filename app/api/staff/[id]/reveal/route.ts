import { revealStaffField } from "@/lib/org/reveal-staff-field";
import type { RevealStaffFieldInput } from "@/lib/org/schemas";
import { respond } from "../../../_lib/respond";
import { staffBody } from "../../_lib/body";

/** POST {field, reason} → {field, value}: one staff member's identity number or phone in clear (logged). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => {
      const body = await staffBody(request);
      return revealStaffField({ ctx, input: { id, field: body.field, reason: body.reason } as unknown as RevealStaffFieldInput });
    },
    { personal: true },
  );
}
