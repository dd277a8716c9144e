/**
 * Sign-in throttling (pure rules; the counts come from sign_in_attempt). Per account name and per
 * address: the first FREE_FAILURES failures cost nothing, then each further attempt waits a delay that
 * doubles, from BASE_DELAY up to MAX_DELAY. Failures older than WINDOW are forgotten; an account's
 * successful sign-in clears its own count (an address's count is not cleared by one success, or one
 * valid account would shield guessing at others from the same address).
 *
 * The account's delay holds only addresses that have themselves failed on that account (since its last
 * success): a stranger's failures from elsewhere slow the stranger down, never lock the owner out of a
 * clean address (the demo usernames are public). The trade-off, in the README ("Access"): a guesser with
 * many addresses gets one free guess per fresh address per window before the account's delay holds it.
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

/** What the throttle knows about one attempt: the account's, the address's and this pair's recent failures. */
export type SignInFailures = { account: FailureCount; address: FailureCount; pairFailures: number };

/**
 * Seconds until this address may try this account again: the address's own delay always; the account's
 * delay only when this address has failed on the account itself (a clean address is never held by it).
 */
export function signInWait({ account, address, pairFailures }: SignInFailures, now: Date): number {
  return secondsUntilAllowed(pairFailures > 0 ? [account, address] : [address], now);
}
