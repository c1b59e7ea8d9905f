// The one error type the app raises on purpose. Its code decides the HTTP
// status; its message is what the person is shown; details go only to logs.

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_input: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: {
      fields?: Record<string, string>;
      retryAfterSeconds?: number;
      /** What the caller needs to resolve it, e.g. the other text in a save conflict. */
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
