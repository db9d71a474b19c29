import type { Clock } from '../../../src-server/time/clock';

/** A clock that moves only when told: session expiry and throttling windows are tested without sleeping. */
export class TestClock {
  private current: Date;

  constructor(start = '2026-11-23T09:00:00.000Z') {
    this.current = new Date(start);
  }

  readonly now: Clock = () => new Date(this.current.getTime());

  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}
