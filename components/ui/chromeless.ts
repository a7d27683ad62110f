/** Pages for screens and frames: no header, no navigation, the whole viewport. */
export const isChromeless = (pathname: string): boolean => /^\/(wall|embed)(\/|$)/.test(pathname);
