import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Open311 API keys are random tokens ("ga311_" + 32 base64url characters, 192 bits); the database keeps
 * the SHA-256 of the token and its first characters for display. A fast hash is right here (unlike
 * passwords): the token is long and random, so there is nothing to guess from its hash.
 */
export const API_KEY_PREFIX = "ga311_";
const DISPLAY_CHARS = API_KEY_PREFIX.length + 6;

export function newApiKeyToken(): { token: string; prefix: string; hash: Buffer } {
  const token = API_KEY_PREFIX + randomBytes(24).toString("base64url");
  return { token, prefix: token.slice(0, DISPLAY_CHARS), hash: hashApiKey(token) };
}

export function hashApiKey(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/** Whether a presented key has the shape of ours (anything else is refused without a database lookup). */
export function looksLikeApiKey(value: string): boolean {
  return /^ga311_[A-Za-z0-9_-]{32}$/.test(value);
}
