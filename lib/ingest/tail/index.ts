export { FileTailer } from './tailer';
export type { FilePosition, TailBatch, TailStatus } from './types';
