/** Limits of a 12345 upload (its own module: the web server checks the body size without loading exceljs). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;
