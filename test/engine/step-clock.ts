import { FakeClock, type TimerHandle } from '@/lib/clock';

const flush = () => new Promise<void>((r) => setImmediate(r));

/**
 * A FakeClock that can also advance asynchronously, stopping at every timer and letting promises settle
 * there, so work that resumes in a `.then` happens at the instant it would in real time.
 */
export class StepClock extends FakeClock {
  private dues = new Map<TimerHandle, number>();

  override setTimeout(fn: () => void, ms: number): TimerHandle {
    const handle: TimerHandle = super.setTimeout(() => {
      this.dues.delete(handle);
      fn();
    }, ms);
    this.dues.set(handle, this.now() + Math.max(0, ms));
    return handle;
  }

  override clearTimeout(handle: TimerHandle): void {
    this.dues.delete(handle);
    super.clearTimeout(handle);
  }

  async run(ms: number): Promise<void> {
    const end = this.now() + ms;
    await flush();
    for (;;) {
      let next = Infinity;
      for (const at of this.dues.values()) next = Math.min(next, at);
      if (next > end) break;
      this.advance(Math.max(0, next - this.now()));
      await flush();
    }
    this.advance(end - this.now());
    await flush();
  }
}
