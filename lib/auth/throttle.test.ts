import { describe, expect, it } from "vitest";
import { delayAfterFailures, secondsUntilAllowed, THROTTLE } from "./throttle";

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
});
