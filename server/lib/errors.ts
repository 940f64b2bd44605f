import { ERROR_MESSAGES, type ErrorCode, type ErrorDetail } from '../../common/errors.js';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message ?? ERROR_MESSAGES[code]);
  }
}

export const invalid = (details: ErrorDetail[], message?: string) =>
  new AppError(400, 'VALIDATION_FAILED', message ?? details[0]?.message, details);
export const unauthenticated = (code: ErrorCode = 'UNAUTHENTICATED') => new AppError(401, code);
export const forbidden = (code: ErrorCode = 'FORBIDDEN', message?: string) =>
  new AppError(403, code, message);
export const notFound = (code: ErrorCode = 'NOT_FOUND') => new AppError(404, code);
export const conflict = (code: ErrorCode, message?: string, details?: ErrorDetail[]) =>
  new AppError(409, code, message, details);
