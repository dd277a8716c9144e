import { z } from "zod";
import { errorMessages } from "../i18n/zh-CN/errors";

/** Building and room ids are bigint in the database but stay far below 2^53. */
export const RowIdInput = z.object({
  id: z.coerce
    .number({ error: errorMessages.invalidId })
    .int(errorMessages.invalidId)
    .positive(errorMessages.invalidId)
    .max(Number.MAX_SAFE_INTEGER, errorMessages.invalidId),
});

export type RowIdInput = z.input<typeof RowIdInput>;
