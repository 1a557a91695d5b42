/**
 * `aws-ops-contract-mock/vitest`: matchers over the mock's request journal, for Vitest and Jest
 * (both take the same `expect.extend(matchers)`). The received value is a MockControl: the
 * RunningMock of `startMock()`, `mock.caller(accessKeyId)`, or `connectMock(url, { accessKeyId })`
 * in a test file when the mock runs in a global set-up. The matchers read the journal, so they are
 * asynchronous: `await expect(mock).toHaveReceived("ListCommands", { MaxResults: 7 })`.
 *
 *   import { expect } from "vitest";
 *   import { mockMatchers } from "aws-ops-contract-mock/vitest";
 *   expect.extend(mockMatchers);
 *
 * Importing this module changes nothing by itself (no `expect` is touched, vitest is not loaded).
 */
import type { OperationInput, OperationName } from "aws-ops-contract/types";
// The types of the module augmented below (erased from the JavaScript: vitest is never loaded).
import type {} from "vitest";
import type { MockControl } from "./control.js";
import { describePattern, describeTimes, type InputPattern, type RequestPattern, type Times, type Verification, type VerificationResult } from "./verify/verify.js";

/** An operation's name, or a whole request pattern (`{ operation, input, status, error, ... }`). */
export type Expected<Op extends OperationName = OperationName> = Op | RequestPattern<Op>;

interface MatcherState {
  isNot?: boolean;
}
interface MatcherResult {
  pass: boolean;
  message: () => string;
}

type Checkable = Pick<MockControl, "check">;

function checkable(received: unknown): Checkable {
  if (received === null || typeof received !== "object" || typeof (received as Checkable).check !== "function") {
    throw new TypeError("expect(...) must be given the mock: startMock()'s RunningMock, mock.caller(accessKeyId), or connectMock(url)");
  }
  return received as Checkable;
}

function patternOf(expected: Expected | undefined, input: unknown): RequestPattern {
  if (expected === undefined) return input === undefined ? {} : { input: input as never };
  const pattern: RequestPattern = typeof expected === "string" ? { operation: expected } : { ...expected };
  if (input !== undefined) pattern.input = input as never;
  return pattern;
}

async function run(state: MatcherState, received: unknown, verification: Verification, negated: (result: VerificationResult) => string): Promise<MatcherResult> {
  const result: VerificationResult = await checkable(received).check(verification as never);
  return { pass: result.ok, message: () => (state.isNot ? negated(result) : result.message) };
}

const which = (result: VerificationResult): string => (result.matched.length ? ` (${result.matched.map((id) => `#${id}`).join(", ")})` : "");

export const mockMatchers = {
  /** At least one request matches: an operation (and a partial input), or a request pattern. */
  async toHaveReceived(this: MatcherState, received: unknown, expected?: Expected, input?: unknown): Promise<MatcherResult> {
    const pattern = patternOf(expected, input);
    return run(this, received, pattern, (result) => `Expected ${describePattern(pattern)} not to be received, but it was${which(result)}.`);
  },

  /** Exactly `times` requests match (or a range: `{ atLeast, atMost }`). */
  async toHaveReceivedTimes(this: MatcherState, received: unknown, expected: Expected, times: Times, input?: unknown): Promise<MatcherResult> {
    const pattern = patternOf(expected, input);
    return run(this, received, { ...pattern, times }, (result) => `Expected ${describePattern(pattern)} not to be received ${describeTimes(times)}, but it was${which(result)}.`);
  },

  /** Exactly one request matches. */
  async toHaveReceivedOnce(this: MatcherState, received: unknown, expected: Expected, input?: unknown): Promise<MatcherResult> {
    const pattern = patternOf(expected, input);
    return run(this, received, { ...pattern, times: 1 }, (result) => `Expected ${describePattern(pattern)} not to be received exactly once, but it was${which(result)}.`);
  },

  /** The `nth` request of the operation (1 the first, -1 the last) matches. */
  async toHaveReceivedNth(this: MatcherState, received: unknown, expected: Expected, nth: number, input?: unknown): Promise<MatcherResult> {
    const pattern = patternOf(expected, input);
    if (pattern.operation === undefined) throw new TypeError("toHaveReceivedNth needs the operation whose requests it counts");
    return run(this, received, { ...pattern, operation: pattern.operation, nth }, (result) => `Expected request ${nth} of ${pattern.operation} not to be ${describePattern(pattern)}, but it was${which(result)}.`);
  },

  /** Requests matching each of `sequence` arrived in that order (others may come between). */
  async toHaveReceivedInOrder(this: MatcherState, received: unknown, sequence: readonly Expected[]): Promise<MatcherResult> {
    if (!Array.isArray(sequence) || sequence.length === 0) throw new TypeError("toHaveReceivedInOrder takes a non-empty list of operations or request patterns");
    const steps = sequence.map((step) => patternOf(step, undefined));
    return run(this, received, { sequence: steps }, (result) => `Expected the requests not to arrive in this order: ${steps.map(describePattern).join(", then ")}; they did${which(result)}.`);
  },
};

/** The matchers' signatures, for `expect(mock)`; each resolves when the journal has been read. */
export interface MockMatchers<R = unknown> {
  toHaveReceived<Op extends OperationName>(expected?: Expected<Op>, input?: InputPattern<OperationInput<Op>>): Promise<R>;
  toHaveReceivedTimes<Op extends OperationName>(expected: Expected<Op>, times: Times, input?: InputPattern<OperationInput<Op>>): Promise<R>;
  toHaveReceivedOnce<Op extends OperationName>(expected: Expected<Op>, input?: InputPattern<OperationInput<Op>>): Promise<R>;
  toHaveReceivedNth<Op extends OperationName>(expected: Expected<Op>, nth: number, input?: InputPattern<OperationInput<Op>>): Promise<R>;
  toHaveReceivedInOrder(sequence: readonly Expected[]): Promise<R>;
}

declare module "vitest" {
  // Vitest's own declaration reads `Matchers<T = any>`; a merged one must read the same.
  interface Matchers<T = any> extends MockMatchers<T> {}
}

declare global {
  // Jest's matcher types (@types/jest declares `Matchers<R, T = {}>`), for the same matchers under Jest.
  namespace jest {
    interface Matchers<R, T = {}> extends MockMatchers<R> {}
  }
}

export type { MockControl } from "./control.js";
export type { InputPattern, RequestPattern, Times, VerificationResult } from "./verify/verify.js";
