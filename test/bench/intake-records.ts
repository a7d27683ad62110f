/** The records bench:intake sends both ways: one message and attribute set per index. */
export const benchMessage = (i: number) => `GET /api/items/${i % 977} answered in ${i % 300} ms`;
export const benchAttrs = (i: number) => ({
  'http.method': 'GET',
  'http.status_code': i % 50 ? 200 : 503,
  'user.id': `u-${i % 97}`,
});
