import { beijingDay } from "../format/time";

/**
 * Full years between an ISO birth date (YYYY-MM-DD) and the Beijing calendar day of `today`: a birthday
 * begins at midnight in Beijing, whatever the server's time zone (a UTC server is 8 hours late).
 */
export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number);
  const [ty, tm, td] = beijingDay(today).split("-").map(Number);
  let age = ty - y;
  if (tm < m || (tm === m && td < d)) age -= 1;
  return Math.max(0, age);
}
