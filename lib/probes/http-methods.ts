/** The HTTP methods a target may probe with: the target schema accepts these, the target form offers them. */
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
