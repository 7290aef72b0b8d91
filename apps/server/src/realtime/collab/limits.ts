/**
 * Counts messages per one-second window for one connection. A fixed window is enough: the
 * limit exists to stop floods, not to shape traffic, and it costs two numbers per connection.
 */
export class MessageRate {
  private windowStart = 0;
  private count = 0;

  constructor(
    private readonly maxPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one message; false when this one exceeds the limit. */
  allow(): boolean {
    const t = this.now();
    if (t - this.windowStart >= 1000) {
      this.windowStart = t;
      this.count = 0;
    }
    this.count++;
    return this.count <= this.maxPerSecond;
  }
}

/** Bytes a client may have waiting in its socket buffer before it is cut off as too slow. */
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/** True when a document of `currentBytes` may take an update of `updateBytes`. */
export function fitsDocument(currentBytes: number, updateBytes: number, maxBytes: number): boolean {
  return currentBytes + updateBytes <= maxBytes;
}
