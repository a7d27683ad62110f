declare module 'snappyjs' {
  /** Snappy block-format decompression; throws above `maxLength` bytes. */
  export function uncompress(compressed: Buffer, maxLength?: number): Buffer;
  /** Snappy block-format compression (remote write bodies). */
  export function compress(uncompressed: Buffer): Buffer;
}
