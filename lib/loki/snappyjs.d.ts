declare module 'snappyjs' {
  /** Snappy block-format decompression; throws above `maxLength` bytes. */
  export function uncompress(compressed: Buffer, maxLength?: number): Buffer;
}
