import "server-only";
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomFillSync, type KeyObject } from "node:crypto";
import { normalizeIdNumber } from "./id-number";
import { piiKeys, type PiiKeys } from "./pii-keys";

/**
 * Encryption and lookup hashes for personal data (identity numbers, phones).
 * - AES-256-GCM with a random 12-byte IV per value, stored as one bytea: iv (12) | tag (16) | ciphertext.
 *   GCM must never reuse an IV under one key, hence random IVs and no deterministic mode.
 * - HMAC-SHA256 of the normalised identity number (trimmed, upper-case X): equal numbers give equal
 *   hashes, so an exact search needs no decryption, and without the key the hash reveals nothing.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypts a value to iv | tag | ciphertext. */
export function encryptPii(plaintext: string, keys: PiiKeys = piiKeys()): Buffer {
  const iv = randomFillSync(Buffer.alloc(IV_BYTES));
  return sealWith(keys.encryptionKey, iv, plaintext);
}

/** Decrypts iv | tag | ciphertext; throws when the value was altered or the key is wrong. */
export function decryptPii(sealed: Uint8Array, keys: PiiKeys = piiKeys()): string {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < IV_BYTES + TAG_BYTES) throw new Error("encrypted value is too short");
  const decipher = createDecipheriv("aes-256-gcm", keys.encryptionKey, buf.subarray(0, IV_BYTES));
  decipher.setAuthTag(buf.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(buf.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}

/** HMAC-SHA256 lookup hash of an identity number (normalised first, so "...002x" finds "...002X"). */
export function hashIdNumber(idNumber: string, keys: PiiKeys = piiKeys()): Buffer {
  return createHmac("sha256", keys.hashKey).update(normalizeIdNumber(idNumber), "utf8").digest();
}

function sealWith(key: Buffer | KeyObject, iv: Buffer, plaintext: string): Buffer {
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/**
 * The same operations for bulk loads (the seed encrypts millions of values): IVs are cut from a large
 * random pool instead of one system call per value. Same output format as `encryptPii`.
 */
export function createBulkProtector(keys: PiiKeys = piiKeys()) {
  // KeyObjects once: passing raw key bytes makes Node rebuild a key object on every call, which costs
  // more than the encryption itself.
  const encryptionKey = createSecretKey(keys.encryptionKey);
  const hashKey = createSecretKey(keys.hashKey);
  const POOL = 64 * 1024 * IV_BYTES;
  let pool = randomFillSync(Buffer.alloc(POOL));
  let offset = 0;
  return {
    encrypt(plaintext: string): Buffer {
      if (offset + IV_BYTES > POOL) {
        pool = randomFillSync(Buffer.alloc(POOL));
        offset = 0;
      }
      const iv = pool.subarray(offset, offset + IV_BYTES);
      offset += IV_BYTES;
      return sealWith(encryptionKey, iv, plaintext);
    },
    hashIdNumber(idNumber: string): Buffer {
      return createHmac("sha256", hashKey).update(normalizeIdNumber(idNumber), "utf8").digest();
    },
  };
}
