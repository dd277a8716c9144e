import { DomainError } from "../../errors";
import { caseIntake } from "../../i18n/zh-CN/case-intake";
import { readImageHeader, type PhotoMime } from "./image-header";

/** Limits of a case photo (the database checks the same numbers: case_photo's CHECK constraints). */
export const PHOTO_MAX_BYTES = 3 * 1024 * 1024;
export const PHOTO_MAX_SIDE = 8000;
/** Photos per report or per step of the loop (the report schema allows as many). */
export const PHOTOS_PER_CASE = 9;

export type CheckedPhoto = { mime: PhotoMime; width: number; height: number; byteSize: number };

/**
 * Whether these bytes may be stored as a case photo: not empty, at most 3 MB, a JPEG, PNG or WebP by its
 * magic bytes (whatever its name or claimed type), with a readable header and at most 8000 px a side.
 * Throws VALIDATION with the Chinese reason otherwise.
 */
export function checkPhotoBytes(bytes: Uint8Array): CheckedPhoto {
  const refuse = (message: string): never => {
    throw new DomainError("VALIDATION", message, { details: { file: message } });
  };
  if (bytes.length === 0) refuse(caseIntake.photos.empty);
  if (bytes.length > PHOTO_MAX_BYTES) refuse(caseIntake.photos.tooLarge(PHOTO_MAX_BYTES / 1024 / 1024));
  const header = readImageHeader(bytes);
  if (!header.ok) return refuse(header.reason === "truncated" ? caseIntake.photos.truncated : caseIntake.photos.unsupported);
  if (header.width > PHOTO_MAX_SIDE || header.height > PHOTO_MAX_SIDE) refuse(caseIntake.photos.tooManyPixels(PHOTO_MAX_SIDE));
  return { mime: header.mime, width: header.width, height: header.height, byteSize: bytes.length };
}
