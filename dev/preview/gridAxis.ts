/**
 * One axis of the grid (rows or columns): where each line starts, in pixels, and which lines a scrolled
 * window shows. Prefix sums make both lookups cheap for the few thousand lines a preview sheet has.
 */
export class GridAxis {
  /** starts[i] = pixel offset of line i; starts[count] = total size. */
  private readonly starts: Float64Array;

  constructor(
    readonly count: number,
    size: (index: number) => number,
  ) {
    this.starts = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) this.starts[i + 1] = this.starts[i]! + size(i);
  }

  get total(): number {
    return this.starts[this.count]!;
  }

  start(index: number): number {
    return this.starts[Math.max(0, Math.min(index, this.count))]!;
  }

  size(index: number): number {
    return this.start(index + 1) - this.start(index);
  }

  /** The line under a pixel offset (clamped to the axis). */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  /** First and last line (inclusive) visible in [offset, offset + length), widened by `overscan` lines. */
  window(offset: number, length: number, overscan: number): [number, number] {
    if (this.count === 0) return [0, -1];
    const first = Math.max(0, this.indexAt(offset) - overscan);
    const last = Math.min(this.count - 1, this.indexAt(offset + length) + overscan);
    return [first, last];
  }
}
