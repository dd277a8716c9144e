import { maskIdNumber, maskPhone } from "../pii/mask";

/**
 * Free text of a case shown on the public interface (description, status notes) with the personal numbers
 * people type into it masked: mobile numbers (138****8000), landlines with an area code and identity
 * numbers (GB 11643: 110105********002X). Names cannot be found reliably in free text; the reporter's name
 * and phone fields are never selected for the public interface at all.
 */
export function scrubPersonalNumbers(text: string): string {
  return text
    .replace(/(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g, (m) => maskIdNumber(m))
    .replace(/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m.replace(/^\+?86[- ]?/, "")))
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, (m) => m.slice(0, 4) + "*".repeat(m.length - 6) + m.slice(-2));
}
