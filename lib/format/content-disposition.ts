import { beijingDay } from "./time";

/**
 * `Content-Disposition: attachment` for a download whose name may be Chinese (RFC 6266 with the
 * RFC 5987 `filename*` parameter): browsers use `filename*=UTF-8''…`; the ASCII `filename` is the
 * fallback for old clients. Pure.
 */
export function attachmentDisposition(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiOnly(asciiFallback)}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

/** RFC 5987 attr-char: percent-encode everything except ALPHA / DIGIT / "!#$&+-.^_`|~". */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The fallback name: printable ASCII only, no quote, backslash or path separator (they would end or escape the header value). */
function asciiOnly(value: string): string {
  return value.replace(/[^\x20-\x7e]|["\\/]/g, "_");
}

/** A date as yyyymmdd on the China Standard Time calendar (file names of exports). */
export function compactDate(date: Date): string {
  return beijingDay(date).replaceAll("-", "");
}

/** A name made safe as part of a file name: characters Windows, macOS or Linux refuse (or read as paths) become "_". */
export function safeFileNamePart(value: string): string {
  return value.replace(/[\\/:*?"<>|\x00-\x1f]/g, "_");
}

/** The file name a Content-Disposition header offers: `filename*` (RFC 5987, UTF-8) first, else `filename`. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? plain[1].trim() : null;
}
