import { z } from "zod";
import { errorMessages } from "../i18n/zh-CN/errors";

/** A row id from a URL or a request: digits only, positive, within the column's range. */
export const RegionIdInput = z.object({
  id: z.coerce
    .number({ error: errorMessages.invalidId })
    .int(errorMessages.invalidId)
    .positive(errorMessages.invalidId)
    .max(2_147_483_647, errorMessages.invalidId),
});

export type RegionIdInput = z.input<typeof RegionIdInput>;
