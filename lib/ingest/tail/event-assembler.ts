import { Join, joinKind } from '@/lib/logs/multiline';
import { unwrapLine, type WrapperFacts } from '@/lib/logs/unwrap';

/** One event as the pipeline takes it: a line, or a line with its continuation lines joined by `\n`. */
export interface AssembledEvent {
  text: string;
  truncated: boolean;
  wrapper: WrapperFacts | null;
  /** Raw bytes of the lines it spans, terminators included. */
  bytes: number;
}

export interface AssemblerLimits {
  multiline: boolean;
  maxEventLines: number;
  maxEventChars: number;
}

const TRACEBACK = 'Traceback (most recent call last):';

interface Piece {
  text: string;
  truncated: boolean;
  wrapper: WrapperFacts | null;
  start: number;
  bytes: number;
}

interface Pending extends Piece {
  lines: number;
  traceback: boolean;
  lastText: string;
  lastAt: number;
}

/**
 * Turns one file's lines into events: unwraps container runtimes' wrappers (joining the fragments of a split
 * line), then joins continuation lines to the event they follow. The last event is held until a line that
 * starts a new one arrives (or the caller flushes it), and `heldFrom` is where it starts in the file: the
 * offset committed must never pass it, so a restart reads a half-received event again, whole.
 */
export class EventAssembler {
  private pending: Pending | null = null;
  private fragment: Piece | null = null;

  constructor(private readonly limits: AssemblerLimits) {}

  /** File offset of the first byte not yet handed out as part of an event, or null when nothing is held. */
  get heldFrom(): number | null {
    return this.pending?.start ?? this.fragment?.start ?? null;
  }

  /** When the held event was last extended (the caller's clock). */
  get lastAt(): number {
    return this.pending?.lastAt ?? 0;
  }

  /** A held event likely to go on (a trace, a split container line): worth waiting for the next line. */
  get open(): boolean {
    if (this.fragment) return true;
    const p = this.pending;
    return p !== null && (p.lines > 1 || p.traceback || p.lastText.endsWith(':'));
  }

  reset(): void {
    this.pending = null;
    this.fragment = null;
  }

  push(
    text: string,
    truncated: boolean,
    start: number,
    bytes: number,
    now: number,
    emit: (e: AssembledEvent) => void,
  ): void {
    let piece: Piece = { text, truncated, wrapper: null, start, bytes };
    const u = unwrapLine(text);
    if (u) {
      piece.text = u.text;
      piece.wrapper = u.facts;
      const f = this.fragment;
      if (f) {
        piece = { ...f, text: f.text + u.text, truncated: f.truncated || truncated, bytes: f.bytes + bytes };
      }
      if (u.partial && piece.text.length < this.limits.maxEventChars) {
        this.fragment = piece;
        return;
      }
      this.fragment = null;
      if (piece.text.length === 0) return;
    }
    this.add(piece, now, emit);
  }

  /** Hands out the held event (a fragment of a split line too, as it stands). */
  flush(emit: (e: AssembledEvent) => void): void {
    if (this.pending) emit(done(this.pending));
    this.pending = null;
    const f = this.fragment;
    this.fragment = null;
    if (f && f.text.length > 0) emit(done({ ...f, lines: 1, traceback: false, lastText: f.text, lastAt: 0 }));
  }

  private add(piece: Piece, now: number, emit: (e: AssembledEvent) => void): void {
    const p = this.pending;
    if (p && this.limits.multiline && sameContainer(p.wrapper, piece.wrapper)) {
      const kind = joinKind(piece.text, p.traceback);
      const fits = p.lines < this.limits.maxEventLines && p.text.length + piece.text.length < this.limits.maxEventChars;
      if (kind !== Join.New && fits) {
        p.text += `\n${piece.text}`;
        p.truncated ||= piece.truncated;
        p.bytes += piece.bytes;
        p.lines++;
        p.lastText = piece.text;
        p.lastAt = now;
        if (kind === Join.OpenTraceback) p.traceback = true;
        else if (kind === Join.CloseTraceback) p.traceback = false;
        return;
      }
    }
    if (p) emit(done(p));
    // Built field by field: a spread here costs several times the rest of the line's handling.
    this.pending = {
      text: piece.text,
      truncated: piece.truncated,
      wrapper: piece.wrapper,
      start: piece.start,
      bytes: piece.bytes,
      lines: 1,
      traceback: piece.text.startsWith(TRACEBACK),
      lastText: piece.text,
      lastAt: now,
    };
    if (!this.limits.multiline) this.flush(emit);
  }
}

function sameContainer(a: WrapperFacts | null, b: WrapperFacts | null): boolean {
  return (a?.container ?? null) === (b?.container ?? null);
}

function done(p: Pending): AssembledEvent {
  return { text: p.text, truncated: p.truncated, wrapper: p.wrapper, bytes: p.bytes };
}
