/**
 * Clock-skew correction, as SDK v3 does it (@aws-sdk/core's AwsSdkSigV4Signer and
 * getUpdatedSystemClockOffset): every answer's `Date` header gives the offset between the
 * service's clock and the client's (`Date` minus the local time the answer arrived), kept for the
 * client's later calls; requests are signed at local time plus that offset. No offset is learnt
 * from an answer with an `Age` header (a cache's answer), or one that took over 15 minutes.
 */

/** An offset this large means the request was refused for skew (the SDK's 4-minute threshold). */
export const SKEW_THRESHOLD_MS = 240_000;
const STALE_ANSWER_MS = 900_000;

export class SkewClock {
  /** Service time minus local time, in milliseconds. */
  offsetMs = 0;

  constructor(private readonly local: () => number) {}

  /** The local time, in milliseconds. */
  now(): number {
    return this.local();
  }

  /** The time to sign with: local time corrected by the offset. */
  signingDate(): Date {
    return new Date(this.local() + this.offsetMs);
  }

  /**
   * Learns the offset from an answer's `Date`; returns true when the offset changed by a skew
   * (it is now at least SKEW_THRESHOLD_MS and differs from `before`, the offset the attempt was signed with).
   */
  learn(date: string | undefined, age: string | undefined, sentAt: number, before: number): boolean {
    if (date === undefined || age !== undefined) return false;
    const server = Date.parse(date);
    if (Number.isNaN(server)) return false;
    const received = this.local();
    if (received - sentAt > STALE_ANSWER_MS) return false;
    this.offsetMs = server - received;
    return Math.abs(this.offsetMs) >= SKEW_THRESHOLD_MS && this.offsetMs !== before;
  }
}
