import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, env } from "../env";

/**
 * The two keys that protect personal data: one encrypts (AES-256-GCM), one hashes for exact lookup
 * (HMAC-SHA256). They come from PII_ENCRYPTION_KEY / PII_HASH_KEY, or else from `<data dir>/keys.json`,
 * created once with random keys and readable by the owner only. Never from the repository: a key that is
 * committed protects nothing.
 */
export type PiiKeys = { encryptionKey: Buffer; hashKey: Buffer };

type KeyFile = { encryptionKey: string; hashKey: string };

const HEX_KEY = /^[0-9a-f]{64}$/i;

/** Reads the key file, creating it with fresh random keys (mode 0600) when it does not exist yet. */
export function readOrCreateKeyFile(file: string): PiiKeys {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh: KeyFile = { encryptionKey: randomBytes(32).toString("hex"), hashKey: randomBytes(32).toString("hex") };
    try {
      // "wx": two processes starting at once must not both write; the loser reads the winner's keys.
      fs.writeFileSync(file, JSON.stringify(fresh, null, 2) + "\n", { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  let parsed: Partial<KeyFile>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<KeyFile>;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!parsed.encryptionKey || !HEX_KEY.test(parsed.encryptionKey) || !parsed.hashKey || !HEX_KEY.test(parsed.hashKey)) {
    throw new Error(`${file} must hold {"encryptionKey": <64 hex>, "hashKey": <64 hex>}`);
  }
  return { encryptionKey: Buffer.from(parsed.encryptionKey, "hex"), hashKey: Buffer.from(parsed.hashKey, "hex") };
}

/** Where the generated keys live when the environment does not provide them. */
export function keyFilePath(): string {
  return path.join(dataDir(), "keys.json");
}

let cached: PiiKeys | undefined;

/** The process's keys: environment first, else the key file in the data dir (created on first use). */
export function piiKeys(): PiiKeys {
  if (cached) return cached;
  const { PII_ENCRYPTION_KEY, PII_HASH_KEY } = env();
  const fromFile = PII_ENCRYPTION_KEY && PII_HASH_KEY ? undefined : readOrCreateKeyFile(keyFilePath());
  cached = {
    encryptionKey: PII_ENCRYPTION_KEY ? Buffer.from(PII_ENCRYPTION_KEY, "hex") : fromFile!.encryptionKey,
    hashKey: PII_HASH_KEY ? Buffer.from(PII_HASH_KEY, "hex") : fromFile!.hashKey,
  };
  return cached;
}
