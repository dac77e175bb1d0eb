/**
 * Collects console lines on the host side, so they survive even a run whose engine had to be
 * thrown away, and caps them: a snippet logging in a loop must not flood the caller.
 */
export class LogCollector {
  private readonly lines: string[] = [];
  private remainingBytes: number;
  private droppedBytes = 0;

  constructor(maxBytes: number) {
    this.remainingBytes = maxBytes;
  }

  add(line: string): void {
    const bytes = Buffer.byteLength(line, "utf8");
    if (this.droppedBytes === 0 && bytes <= this.remainingBytes) {
      this.lines.push(line);
      this.remainingBytes -= bytes;
      return;
    }
    if (this.droppedBytes === 0 && this.remainingBytes > 0) {
      const kept = Buffer.from(line, "utf8").subarray(0, this.remainingBytes).toString("utf8");
      this.lines.push(kept);
      this.droppedBytes += bytes - this.remainingBytes;
      this.remainingBytes = 0;
      return;
    }
    this.droppedBytes += bytes;
  }

  finish(): string[] {
    if (this.droppedBytes === 0) return [...this.lines];
    return [...this.lines, `… console output truncated (${this.droppedBytes} more bytes)`];
  }
}
