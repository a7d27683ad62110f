// Value lists the response shapes use, kept free of zod so browser code can import them for nothing.
export const TARGET_STATUSES = ['up', 'down', 'pending'] as const;
export const UPTIME_WINDOWS = ['24h', '7d', '30d'] as const;
export const SCOPE_NAMES = ['read', 'ingest', 'admin'] as const;
export const SILENCE_STATUSES = ['pending', 'active', 'expired'] as const;
export const STORAGE_STATES = ['ok', 'full'] as const;
export { DNS_RECORD_TYPES, STARTTLS_PROTOCOLS, TARGET_TYPES } from '@/lib/probes/target-types';
