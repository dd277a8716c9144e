import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOrCreateKeyFile } from "./pii-keys";
import { createBulkProtector, decryptPii, encryptPii, hashIdNumber } from "./protect";

const keys = { encryptionKey: Buffer.alloc(32, 7), hashKey: Buffer.alloc(32, 9) };

describe("AES-256-GCM encryption", () => {
  it("round-trips and stores iv | tag | ciphertext", () => {
    const sealed = encryptPii("110112199003071232", keys);
    expect(sealed.length).toBe(12 + 16 + 18);
    expect(decryptPii(sealed, keys)).toBe("110112199003071232");
    expect(decryptPii(encryptPii("13812341234", keys), keys)).toBe("13812341234");
  });

  it("uses a fresh IV each time", () => {
    const a = encryptPii("110112199003071232", keys);
    const b = encryptPii("110112199003071232", keys);
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it("fails on a tampered value or a wrong key", () => {
    const sealed = encryptPii("110112199003071232", keys);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => decryptPii(tampered, keys)).toThrow();
    expect(() => decryptPii(sealed, { ...keys, encryptionKey: Buffer.alloc(32, 8) })).toThrow();
  });

  it("bulk protector produces the same format", () => {
    const bulk = createBulkProtector(keys);
    const values = Array.from({ length: 1000 }, (_, i) => `1381234${String(i).padStart(4, "0")}`);
    const sealed = values.map((v) => bulk.encrypt(v));
    expect(sealed.map((s) => decryptPii(s, keys))).toEqual(values);
    expect(new Set(sealed.map((s) => s.subarray(0, 12).toString("hex"))).size).toBe(1000);
  });
});

describe("HMAC-SHA256 lookup hash", () => {
  it("is stable, normalised and keyed", () => {
    const h = hashIdNumber("11010519491231002X", keys);
    expect(h.length).toBe(32);
    expect(hashIdNumber(" 11010519491231002x", keys).equals(h)).toBe(true);
    expect(hashIdNumber("11010519491231002X", { ...keys, hashKey: Buffer.alloc(32, 1) }).equals(h)).toBe(false);
    expect(hashIdNumber("110112199003071232", keys).equals(h)).toBe(false);
    // Pinned value: the hash must not change between releases, or stored lookups break.
    expect(h.toString("hex")).toBe("a34eb8d39058cb67598e94f404e52db6bdee6d9c7ef0ff9847d5f7063f4e85da");
  });
});

describe("key file", () => {
  it("is created once with random keys, owner-only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pii-keys-"));
    const file = path.join(dir, "nested", "keys.json");
    const first = readOrCreateKeyFile(file);
    const second = readOrCreateKeyFile(file);
    expect(first.encryptionKey.length).toBe(32);
    expect(first.hashKey.length).toBe(32);
    expect(first.encryptionKey.equals(first.hashKey)).toBe(false);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });

  it("rejects a malformed key file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pii-keys-"));
    const file = path.join(dir, "keys.json");
    fs.writeFileSync(file, JSON.stringify({ encryptionKey: randomBytes(16).toString("hex"), hashKey: "zz" }));
    expect(() => readOrCreateKeyFile(file)).toThrow(/64 hex/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("bulk protector hash", () => {
  it("matches hashIdNumber", () => {
    const bulk = createBulkProtector(keys);
    expect(bulk.hashIdNumber("11010519491231002x").equals(hashIdNumber("11010519491231002X", keys))).toBe(true);
  });
});
