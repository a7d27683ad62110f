export { FileTailer } from './tailer';
export { TAIL_DEFAULTS } from './options';
export { FINGERPRINT_BYTES } from './fingerprint';
export { compileSegment, expandGlob } from './glob';
export type {
  CommitFn, FilePosition, FileState, FileStatus, FileTailerOptions, PositionStore, StartAt, TailBatch, TailLine,
  TailSource, TailStatus,
} from './types';
