import { describe, expect, it } from "vitest";
import { delayAfterFailures, secondsUntilAllowed, signInWait, THROTTLE } from "./throttle";

describe("sign-in throttle", () => {
  it("is free for the first 5 failures, then doubles from 30 s up to 15 min", () => {
    expect([0, 1, 4].map(delayAfterFailures)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11].map(delayAfterFailures)).toEqual([30, 60, 120, 240, 480, 900, 900]);
    expect(delayAfterFailures(500)).toBe(THROTTLE.maxDelaySeconds);
  });

  it("waits for the stricter of account and address, counted from the last failure", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const tenSecondsAgo = new Date(now.getTime() - 10_000);
    expect(secondsUntilAllowed([{ failures: 4, lastFailureAt: tenSecondsAgo }], now)).toBe(0);
    expect(secondsUntilAllowed([{ failures: 5, lastFailureAt: tenSecondsAgo }], now)).toBe(20);
    expect(
      secondsUntilAllowed(
        [
          { failures: 5, lastFailureAt: tenSecondsAgo },
          { failures: 6, lastFailureAt: tenSecondsAgo },
        ],
        now,
      ),
    ).toBe(50);
    expect(secondsUntilAllowed([{ failures: 9, lastFailureAt: null }], now)).toBe(0);
    expect(secondsUntilAllowed([{ failures: 5, lastFailureAt: new Date(now.getTime() - 31_000) }], now)).toBe(0);
  });

  it("holds an address by the account's count only when that address itself failed on the account", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const justNow = new Date(now.getTime() - 1_000);
    // 40 failures on the account from strangers' addresses: 15 minutes for them…
    const account = { failures: 40, lastFailureAt: justNow };
    const cleanAddress = { failures: 0, lastFailureAt: null };
    expect(signInWait({ account, address: { failures: 1, lastFailureAt: justNow }, pairFailures: 1 }, now)).toBe(899);
    // …and nothing for the owner at an address that has not failed on it.
    expect(signInWait({ account, address: cleanAddress, pairFailures: 0 }, now)).toBe(0);
    // An address's own failures (on any names) still hold it, as before.
    expect(signInWait({ account, address: { failures: 6, lastFailureAt: justNow }, pairFailures: 0 }, now)).toBe(59);
  });
});
