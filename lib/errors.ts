/**
 * Errors domain code throws; lib/api/response.ts turns each kind into its HTTP answer, in that one place.
 * `code` is the stable snake_case name scripts match on; `message` says what went wrong and how to fix it.
 */
export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One problem with one input field: `path` is dotted (`matchers.0.name`), empty for the whole input. */
export interface Issue {
  path: string;
  message: string;
}

/** The input breaks a rule (HTTP 400); `issues` name the fields when known. */
export class InvalidInputError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(code, message);
  }
}

/** The thing named does not exist (HTTP 404). */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} was not found`);
  }
}

/** The request clashes with the current state (HTTP 409); `issues` name the field at fault when there is one. */
export class ConflictError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(code, message);
  }
}

/** No or invalid credentials (HTTP 401). */
export class UnauthenticatedError extends DomainError {}

/** The caller is known but may not do this (HTTP 403). */
export class ForbiddenError extends DomainError {}

/** Too many attempts; try again after `retryAfterS` seconds (HTTP 429 with Retry-After). */
export class RateLimitedError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterS: number,
  ) {
    super(code, message);
  }
}

/** The input is larger than Lookout accepts (HTTP 413). */
export class TooLargeError extends DomainError {}

/** A part of Lookout needed for this is not running right now (HTTP 503). */
export class UnavailableError extends DomainError {}
