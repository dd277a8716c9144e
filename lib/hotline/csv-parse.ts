/**
 * Reading CSV files as the 12345 systems and spreadsheets write them (pure, no dependencies):
 * - the encoding: a UTF-8 or UTF-16 byte-order mark decides; else the bytes are tried as strict UTF-8 and,
 *   when that fails, read as GB18030 (the superset of GBK/GB2312 that Excel on Chinese Windows writes
 *   when a sheet is saved as "CSV (逗号分隔)");
 * - the delimiter: comma, or tab for "Unicode text" exports, chosen from the header line;
 * - RFC 4180 quoting: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF or CR.
 */

export type DecodedText = { text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030" };

export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: Chinese Windows' default code page. GB18030 decodes every GBK byte sequence.
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** Comma unless the first line holds more tabs than commas (outside quotes is close enough for a header). */
export function detectDelimiter(text: string): "," | "\t" {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  const tabs = first.split("\t").length - 1;
  const commas = first.split(",").length - 1;
  return tabs > commas ? "\t" : ",";
}

/** Splits CSV text into records of fields. A trailing line break does not make an empty record. */
export function parseCsv(text: string, delimiter: string = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      endField();
      i++;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || record.length > 0 || quoted) endRecord();
  return records;
}
