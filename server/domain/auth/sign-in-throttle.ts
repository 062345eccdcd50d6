/**
 * Counts failed sign-ins per key (an address, a client IP) in a sliding window, and says how long
 * to wait once a key has failed too often. Pure: the caller passes the time. Kept in memory: a
 * restart forgets it, which only gives an attacker a fresh budget of a few attempts.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until the key may try again; 0 when it may try now. */
  waitFor(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    return recent.length < this.limit ? 0 : recent[0]! + this.windowMs - nowMs;
  }

  fail(key: string, nowMs: number): void {
    const recent = this.recent(key, nowMs);
    recent.push(nowMs);
    this.failures.set(key, recent);
    // Bound the memory an attacker can fill with made-up addresses.
    if (this.failures.size > 50_000) this.prune(nowMs);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  /** Takes back the latest attempt only (a client's successful sign-in is not a failure). */
  forgive(key: string): void {
    const recent = this.failures.get(key);
    if (recent && recent.length > 0) recent.pop();
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > nowMs - this.windowMs);
  }

  private prune(nowMs: number): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key, nowMs).length === 0) this.failures.delete(key);
    }
    if (this.failures.size > 50_000) this.failures.clear();
  }
}
