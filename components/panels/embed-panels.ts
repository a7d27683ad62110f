// Kept out of the client view so the server page can validate the panel name.
export const EMBED_PANELS = ['requests', 'errors', 'latency', 'providers', 'uptime', 'slo'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];
