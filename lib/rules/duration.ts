export { formatDuration } from '@/lib/config/duration';
