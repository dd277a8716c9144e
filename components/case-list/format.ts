/** Display helpers of the case desk (pure; the server renders them once, the tests call them directly). */

/** A rate as a percentage with one decimal ("87.5%"), or the dash when there is nothing to divide by. */
export function formatRate(rate: number | null, none = "—"): string {
  return rate === null ? none : `${(rate * 100).toFixed(1)}%`;
}

/** A count that may carry a fraction (满意率's weighted numerator): whole numbers as they are, else one decimal. */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
