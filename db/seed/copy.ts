/**
 * Bulk loading with COPY (text format). Rows are batched into ~1 MB chunks and written with
 * back-pressure, so the generator never holds more than a chunk per table in memory.
 */
import fs from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Sql } from "./regions";

/** Escapes a text value for COPY's text format (backslash, tab, newline, carriage return). */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!)
    : value;
}

/** A bytea value in COPY text format: \x + hex, with the backslash escaped. */
export function copyBytea(value: Buffer): string {
  return "\\\\x" + value.toString("hex");
}

export const COPY_NULL = "\\N";

export class RowWriter {
  private parts: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    private readonly stream: Writable,
    private readonly chunk = 1 << 20,
  ) {}

  /** Adds one row (fields already formatted and escaped). */
  row(line: string) {
    this.parts.push(line);
    this.size += line.length;
    this.rows++;
  }

  /** Writes the batch when it is big enough; waits when the stream asks to. Call between grids. */
  async flushIfFull() {
    if (this.size >= this.chunk) await this.flush();
  }

  async flush() {
    if (!this.parts.length) return;
    const text = this.parts.join("");
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  /** Stops the stream after a failure (the COPY is rolled back by the server). */
  abort(error: Error) {
    this.stream.destroy(error);
  }

  async end() {
    await this.flush();
    const done = new Promise<void>((resolve, reject) => {
      this.stream.once("finish", resolve);
      this.stream.once("close", resolve);
      this.stream.once("error", reject);
    });
    this.stream.end();
    await done;
  }
}

/** A COPY … FROM STDIN stream into `table` (one pooled connection, held until `end()`). */
export async function copyInto(sql: Sql, table: string, columns: string[]): Promise<RowWriter> {
  const stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  return new RowWriter(stream);
}

/** Rows for a smaller table spooled to a file, copied in after the big streams are done. */
export function spoolTo(file: string): RowWriter {
  return new RowWriter(fs.createWriteStream(file, { encoding: "utf8" }));
}

export async function copyFileInto(sql: Sql, file: string, table: string, columns: string[]) {
  const stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  await pipeline(fs.createReadStream(file), stream);
}
