const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

let cachedDayKey = -1;
let cachedDayMs = 0;

/** Consecutive lines share a day: one Date.UTC per day instead of per line. */
export function dayStartMs(y: number, mo: number, d: number): number | null {
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1] + (leap ? 1 : 0)) return null;
  const key = y * 10_000 + mo * 100 + d;
  if (key !== cachedDayKey) {
    cachedDayMs = Date.UTC(y, mo - 1, d);
    cachedDayKey = key;
  }
  return cachedDayMs;
}

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The shape nearly every structured logger writes — `2025-07-25T03:11:03.402Z` or with `±hh:mm` —
 * read without a regex or allocation. undefined means "not this exact shape": use the general parser.
 */
export function fastRfc3339(s: string): number | null | undefined {
  const n = s.length;
  if (
    n < 20 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return undefined;
  const y = digits(s, 0, 4),
    mo = digits(s, 5, 2),
    d = digits(s, 8, 2);
  const h = digits(s, 11, 2),
    mi = digits(s, 14, 2),
    sec = digits(s, 17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    // Digits past milliseconds are read (any fraction is valid) but dropped: ts is integer ms.
    let scale = 100;
    for (i++; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms += c * scale;
      scale = scale > 1 ? scale / 10 : 0;
    }
  }
  let offset = 0;
  const z = s.charCodeAt(i);
  if (z === 90 && i + 1 === n) offset = 0;
  else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2),
      om = digits(s, i + 4, 2);
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return undefined;
    offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else return undefined;
  if (h > 23 || mi > 59 || sec > 60) return null;
  const day = dayStartMs(y, mo, d);
  if (day === null) return null;
  return day + h * 3_600_000 + mi * 60_000 + Math.min(sec, 59) * 1000 + ms - offset * 60_000;
}
