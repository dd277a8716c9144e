import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { randomInt } from "node:crypto";

/** Hashing and checking passwords; injectable so tests can see that both sign-in paths do the same work. */
export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
};

/**
 * argon2id (the library's default algorithm, Algorithm.Argon2id = 2, spelled out because the enum is a
 * `const enum`) with OWASP's parameters: 19 MiB memory, 2 iterations, 1 lane.
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const argon2idHasher: PasswordHasher = {
  hash: (password) => hash(password, ARGON2ID),
  // A malformed stored hash is a failed check, not a crash.
  verify: (passwordHash, password) => verify(passwordHash, password).catch(() => false),
};

let dummyHash: Promise<string> | undefined;

/**
 * A real argon2id hash of a random password, checked when the account does not exist, so an unknown
 * user costs the same time as a wrong password.
 */
export function dummyPasswordHash(hasher: PasswordHasher = argon2idHasher): Promise<string> {
  dummyHash ??= hasher.hash(`unknown-user-${randomInt(1e9)}-${Date.now()}`);
  return dummyHash;
}

/** 密码规则: at least 10 characters with letters and digits, at most 128. */
export function isAcceptablePassword(password: string): boolean {
  return password.length >= 10 && password.length <= 128 && /[A-Za-z]/.test(password) && /[0-9]/.test(password);
}

const TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A temporary password for a new or reset account (14 characters from the CSPRNG, no look-alikes). */
export function temporaryPassword(): string {
  for (;;) {
    const p = Array.from({ length: 14 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join("");
    if (isAcceptablePassword(p)) return p;
  }
}
