/** An error the API answers with `{"error":{"code","message"}}` and its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found`);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
