import { PHOTO_MAX_BYTES } from "../../case/photos/photo-rules";

/** A punch's optional photo travels in its JSON body as base64 (so the phone's offline queue keeps one JSON). */
export const PUNCH_PHOTO_BASE64_MAX_CHARS = Math.ceil(PHOTO_MAX_BYTES / 3) * 4;
/** The JSON body limit of a punch: a 3 MB photo in base64 and the fields around it. */
export const PUNCH_BODY_LIMIT_BYTES = PUNCH_PHOTO_BASE64_MAX_CHARS + 64 * 1024;
