// API errors: every refusal is JSON {error: {code, message}} with its HTTP status, and never echoes student data.

import type { ErrorBody } from '../src/shared/protocol';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 426 | 429 | 500;

export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
