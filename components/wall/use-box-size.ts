'use client';
import { useEffect, useRef, useState } from 'react';

export interface BoxSize {
  width: number;
  height: number;
  /** Text size in px for this screen: 16 px on 1080 lines, twice that on a 4K screen at scale 1. */
  text: number;
}

/** The pixel size of a box, kept current as the window resizes; null until the browser has laid it out. */
export function useBoxSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<BoxSize | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      const text = Math.max(12, Math.round(window.innerHeight * 0.015));
      setSize((s) =>
        s && s.width === Math.floor(width) && s.height === Math.floor(height) && s.text === text
          ? s
          : { width: Math.floor(width), height: Math.floor(height), text },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, size };
}
