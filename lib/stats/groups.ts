/** What /stats/requests and /stats/errors group by; the API validates `by` with these, the panels offer them. */
export const REQUEST_GROUPS = ['provider', 'model', 'status', 'source', 'none'] as const;
export type RequestGroup = (typeof REQUEST_GROUPS)[number];
export const ERROR_GROUPS = ['status', 'provider', 'level', 'source'] as const;
export type ErrorGroup = (typeof ERROR_GROUPS)[number];
