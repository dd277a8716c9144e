import { z } from "zod";
import { errorMessages } from "../i18n/zh-CN/errors";

export const SearchPlacesInput = z.object({
  q: z.string().trim().min(1, errorMessages.searchEmpty).max(50, errorMessages.searchTooLong),
  limit: z.coerce.number().int().min(1).max(50).default(12),
  /**
   * "all" also looks a resident up by a full identity number (logged); "places" never does — for
   * pickers that only want areas and buildings (the export page's region picker).
   */
  kinds: z.enum(["all", "places"]).default("all"),
});

export type SearchPlacesInput = z.input<typeof SearchPlacesInput>;
