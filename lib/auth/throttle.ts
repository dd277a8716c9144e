/**
 * Sign-in throttling (pure rules; the counts come from sign_in_attempt). Per account name and per
 * address: the first FREE_FAILURES failures cost nothing, then each further attempt waits a delay that
 * doubles, from BASE_DELAY up to MAX_DELAY. Failures older than WINDOW are forgotten; an account's
 * successful sign-in clears its own count (an address's count is not cleared by one success, or one
 * valid account would shield guessing at others from the same address).
 */
export const THROTTLE = {
  freeFailures: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  windowMinutes: 60,
} as const;

/** The delay (seconds) that `failures` consecutive failures impose on the next attempt. */
export function delayAfterFailures(failures: number): number {
  if (failures < THROTTLE.freeFailures) return 0;
  const doublings = failures - THROTTLE.freeFailures;
  return Math.min(THROTTLE.maxDelaySeconds, THROTTLE.baseDelaySeconds * 2 ** Math.min(doublings, 20));
}

export type FailureCount = { failures: number; lastFailureAt: Date | null };

/** Seconds until another attempt is allowed (0 = now), the stricter of the account and address counts. */
export function secondsUntilAllowed(counts: readonly FailureCount[], now: Date): number {
  let wait = 0;
  for (const { failures, lastFailureAt } of counts) {
    if (!lastFailureAt) continue;
    const readyAt = lastFailureAt.getTime() + delayAfterFailures(failures) * 1000;
    wait = Math.max(wait, Math.ceil((readyAt - now.getTime()) / 1000));
  }
  return wait;
}
