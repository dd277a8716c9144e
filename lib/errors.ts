import { z } from "zod";
import { errorMessages } from "./i18n/zh-CN/errors";
import { findNulCharacter } from "./text-input";
import "./zod-config";

/** The closed set of failure kinds every adapter (HTTP, page, server action) knows how to show. */
export type DomainErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "THROTTLED"
  | "CONFLICT"
  | "VALIDATION"
  /** Well-formed but refused by a rule the caller can act on (a punch too far away, GPS too coarse, a transfer to where the person already is): 422. */
  | "UNPROCESSABLE"
  | "TOO_LARGE"
  | "UNAVAILABLE";

/**
 * The one error type lib/ throws on purpose. `message` is safe to show to the user (Chinese UI text);
 * `cause` carries the technical reason and is logged, never shown.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details?: Record<string, string>;

  constructor(code: DomainErrorCode, message?: string, options: { cause?: unknown; details?: Record<string, string> } = {}) {
    super(message ?? errorMessages[code], { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.details = options.details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * Parses verb input with zod and turns a failure into a VALIDATION DomainError naming the bad fields.
 * A NUL character anywhere in the input is refused first (PostgreSQL cannot store it in text, and no
 * typed text holds one): a 400 naming the field, never a database error.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const nulAt = findNulCharacter(input);
  if (nulAt !== null)
    throw new DomainError("VALIDATION", errorMessages.nulCharacter, {
      details: { [nulAt || "input"]: errorMessages.nulCharacter },
    });
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details: Record<string, string> = {};
  for (const issue of parsed.error.issues) details[issue.path.join(".") || "input"] = issue.message;
  throw new DomainError("VALIDATION", errorMessages.VALIDATION, { cause: parsed.error, details });
}

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  THROTTLED: 429,
  CONFLICT: 409,
  VALIDATION: 400,
  UNPROCESSABLE: 422,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
};

export type ErrorBody = { error: { code: DomainErrorCode | "INTERNAL"; message: string; details?: Record<string, string> } };

function logCause(where: string, error: unknown) {
  // Causes go to the server log only: the user sees the DomainError's message.
  console.error(`[${where}]`, error instanceof DomainError ? (error.cause ?? error.message) : error);
}

/** Route-handler adapter: a DomainError becomes its HTTP status with a JSON body; anything else a 500. */
export function toHttpResponse(error: unknown): Response {
  if (isDomainError(error)) {
    if (error.code === "UNAVAILABLE") logCause("http", error);
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
    const headers: Record<string, string> = {};
    // A throttled caller learns when to come back (RFC 9110 Retry-After, in seconds).
    if (error.code === "THROTTLED" && error.details?.retryAfterSeconds) headers["Retry-After"] = error.details.retryAfterSeconds;
    return Response.json(body, { status: HTTP_STATUS[error.code], headers });
  }
  logCause("http", error);
  if (isRefusedTextValue(error)) {
    const body: ErrorBody = { error: { code: "VALIDATION", message: errorMessages.badTextValue } };
    return Response.json(body, { status: 400 });
  }
  const body: ErrorBody = { error: { code: "INTERNAL", message: errorMessages.INTERNAL } };
  return Response.json(body, { status: 500 });
}

/** Server-action adapter: a result object the client can show, never a thrown stack. */
export function toActionResult(error: unknown): { ok: false; code: DomainErrorCode | "INTERNAL"; message: string } {
  if (isDomainError(error)) return { ok: false, code: error.code, message: error.message };
  logCause("action", error);
  if (isRefusedTextValue(error)) return { ok: false, code: "VALIDATION", message: errorMessages.badTextValue };
  return { ok: false, code: "INTERNAL", message: errorMessages.INTERNAL };
}

/**
 * PostgreSQL's refusals of a value the caller typed that slipped past a schema: a NUL in text (22021,
 * 22P05), a number beyond its column (22003), text that is no number or date (22P02, 22007, 22008).
 * Shown as a 400 with a generic message by the HTTP adapter, not as a crash (the cause is still logged).
 */
export function isRefusedTextValue(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && ["22021", "22P05", "22003", "22P02", "22007", "22008"].includes(code);
}

/** Postgres errors that mean "the database is not there": shown as UNAVAILABLE, not as a crash. */
export function wrapDatabaseError(error: unknown): unknown {
  if (isDomainError(error)) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === "ECONNREFUSED" || code === "57P03" || code === "3D000" || code === "42P01" || code === "CONNECT_TIMEOUT") {
    return new DomainError("UNAVAILABLE", errorMessages.UNAVAILABLE, { cause: error });
  }
  return error;
}
