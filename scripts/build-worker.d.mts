export const WORKER_BUNDLES: string[];
export function buildWorker(root: string): string;
