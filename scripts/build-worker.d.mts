export function buildWorker(root: string): string;
