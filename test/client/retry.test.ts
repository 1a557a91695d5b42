/**
 * Retries: the strategy beside SDK v3's own StandardRetryStrategy (same verdicts, same quota), the
 * classification of failures, and the client's attempts on an injected fetch (the SDKs' attempt
 * headers, waits from an injected sleep, the deadline and the caller's abort ending the retries).
 */
import { StandardRetryStrategy } from "@smithy/core/retry";
import { describe, expect, it, vi } from "vitest";
import { CallError, createSsmClient, isServiceError, ServiceError, standardRetryStrategy } from "../../src/index.js";
import { retryAfterHint, retryErrorType } from "../../src/client/retry.js";
import type { RetryErrorType } from "../../src/client/types/retry.js";
import { amzJson, options, recordingFetch } from "./support.js";

const serviceError = (name: string, status: number, message = "x") => new ServiceError({ name, message, status, requestId: undefined, operation: "ListCommands", body: {} });

describe("standardRetryStrategy beside SDK v3's StandardRetryStrategy", () => {
  /** Runs the same failures through both; returns each one's verdicts and remaining quota. */
  async function sideBySide(maxAttempts: number, calls: Array<{ failures: RetryErrorType[]; succeeds: boolean }>) {
    const random = vi.spyOn(Math, "random").mockReturnValue(0); // no waits on the SDK's side
    try {
      const sdk = new StandardRetryStrategy(maxAttempts);
      const ours = standardRetryStrategy({ maxAttempts, random: () => 0 });
      const verdicts = { sdk: [] as boolean[], ours: [] as boolean[] };
      for (const call of calls) {
        let sdkToken = await sdk.acquireInitialRetryToken("");
        let ourToken = ours.acquireInitialRetryToken();
        let stopped = false;
        for (const errorType of call.failures) {
          const sdkNext = await sdk.refreshRetryTokenForRetry(sdkToken, { errorType }).catch(() => undefined);
          const ourNext = ours.refreshRetryTokenForRetry(ourToken, { errorType, error: new Error(errorType) });
          verdicts.sdk.push(sdkNext !== undefined);
          verdicts.ours.push(ourNext !== undefined);
          if (!sdkNext || !ourNext) {
            stopped = true;
            break;
          }
          sdkToken = sdkNext;
          ourToken = ourNext;
        }
        if (call.succeeds && !stopped) {
          sdk.recordSuccess(sdkToken);
          ours.recordSuccess(ourToken);
        }
      }
      return { verdicts, sdkCapacity: sdk.getCapacity(), probe: ours };
    } finally {
      random.mockRestore();
    }
  }

  it("retries throttling and transient failures up to maxAttempts, never client or server errors", async () => {
    const { verdicts } = await sideBySide(3, [
      { failures: ["THROTTLING", "THROTTLING", "THROTTLING"], succeeds: false },
      { failures: ["TRANSIENT", "TRANSIENT"], succeeds: true },
      { failures: ["CLIENT_ERROR"], succeeds: false },
      { failures: ["SERVER_ERROR"], succeeds: false },
      { failures: ["TRANSIENT", "CLIENT_ERROR"], succeeds: false },
    ]);
    expect(verdicts.ours).toEqual(verdicts.sdk);
    expect(verdicts.ours).toEqual([true, true, false, true, true, false, false, true, false]);
  });

  it("spends and refunds the same quota: an outage stops retrying when the 500 tokens are gone", async () => {
    const outage = Array.from({ length: 60 }, () => ({ failures: ["TRANSIENT", "TRANSIENT", "TRANSIENT"] as RetryErrorType[], succeeds: false }));
    const { verdicts } = await sideBySide(3, [...outage, { failures: [], succeeds: true }]);
    expect(verdicts.ours).toEqual(verdicts.sdk);
    // 14 per retry: 35 retries fit in 500, then none.
    expect(verdicts.ours.filter(Boolean)).toHaveLength(35);
    expect(verdicts.ours.at(-1)).toBe(false);
  });

  it("a success gives back what its retry took, or 1, up to the quota", async () => {
    const calls = [
      { failures: ["TRANSIENT", "TRANSIENT"] as RetryErrorType[], succeeds: false },
      { failures: ["THROTTLING"] as RetryErrorType[], succeeds: true },
      { failures: [] as RetryErrorType[], succeeds: true },
    ];
    const { sdkCapacity } = await sideBySide(3, calls);
    // 500 - 14 - 14 (the first call's two retries) - 5 (the throttled retry) + 5 (its refund) + 1 = 473
    expect(sdkCapacity).toBe(473);
    const ours = standardRetryStrategy({ random: () => 0, quota: 30 });
    // A quota of 30 takes two transient retries (28) and then refuses a third call's retry.
    expect(ours.refreshRetryTokenForRetry(ours.acquireInitialRetryToken(), { errorType: "TRANSIENT", error: new Error() })).toBeDefined();
    expect(ours.refreshRetryTokenForRetry(ours.acquireInitialRetryToken(), { errorType: "TRANSIENT", error: new Error() })).toBeDefined();
    expect(ours.refreshRetryTokenForRetry(ours.acquireInitialRetryToken(), { errorType: "TRANSIENT", error: new Error() })).toBeUndefined();
    ours.recordSuccess({ retryCount: 1, cost: 14, delayMs: 0 });
    expect(ours.refreshRetryTokenForRetry(ours.acquireInitialRetryToken(), { errorType: "TRANSIENT", error: new Error() })).toBeDefined();
  });

  it("backs off with full jitter: random() * min(base * 2^retries, 20 s), 50 ms base, 1 s after throttling", () => {
    const strategy = standardRetryStrategy({ maxAttempts: 10, random: () => 0.5 });
    let token = strategy.acquireInitialRetryToken();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      token = strategy.refreshRetryTokenForRetry(token, { errorType: "TRANSIENT", error: new Error() })!;
      delays.push(token.delayMs);
    }
    expect(delays).toEqual([25, 50, 100, 200, 400, 800]);
    const throttled = standardRetryStrategy({ maxAttempts: 10, random: () => 0.999 });
    let t = throttled.acquireInitialRetryToken();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      t = throttled.refreshRetryTokenForRetry(t, { errorType: "THROTTLING", error: new Error() })!;
      waits.push(t.delayMs);
    }
    expect(waits).toEqual([999, 1998, 3996, 7992, 15984, 19980, 19980]); // capped at 20 s
  });

  it("waits at least what Retry-After asks, at most 5 s more than its own back-off", () => {
    const now = Date.parse("2026-03-04T05:06:07Z");
    const strategy = standardRetryStrategy({ random: () => 0, now: () => now });
    const first = strategy.acquireInitialRetryToken();
    expect(strategy.refreshRetryTokenForRetry(first, { errorType: "THROTTLING", error: new Error(), retryAfterHint: new Date(now + 2_000) })!.delayMs).toBe(2_000);
    expect(strategy.refreshRetryTokenForRetry(first, { errorType: "THROTTLING", error: new Error(), retryAfterHint: new Date(now + 60_000) })!.delayMs).toBe(5_000);
    expect(retryAfterHint({ "retry-after": "3" }, now)).toEqual(new Date(now + 3_000));
    expect(retryAfterHint({ "x-amz-retry-after": "1500" }, now)).toEqual(new Date(now + 1_500));
    expect(retryAfterHint({ "retry-after": "Wed, 04 Mar 2026 05:06:17 GMT" }, now)).toEqual(new Date(now + 10_000));
    expect(retryAfterHint({}, now)).toBeUndefined();
  });

  it("refuses a maxAttempts that is not a positive integer", () => {
    expect(() => standardRetryStrategy({ maxAttempts: 0 })).toThrow(/maxAttempts/);
  });
});

describe("which failures are retried (the SDK's classification)", () => {
  it.each([
    ["ThrottlingException", 400, "THROTTLING"],
    ["TooManyRequestsException", 400, "THROTTLING"],
    ["CallRateLimitExceededException", 429, "THROTTLING"],
    ["InternalServerError", 500, "TRANSIENT"],
    ["UnknownError", 502, "TRANSIENT"],
    ["ServiceUnavailable", 503, "TRANSIENT"],
    ["UnknownError", 504, "TRANSIENT"],
    ["RequestTimeoutException", 408, "TRANSIENT"],
    ["UnknownError", 501, "SERVER_ERROR"],
    ["InvalidNextToken", 400, "CLIENT_ERROR"],
    ["AccessDeniedException", 400, "CLIENT_ERROR"],
    ["InvalidSignatureException", 400, "CLIENT_ERROR"],
  ] as const)("%s (HTTP %i) is %s", (name, status, type) => {
    expect(retryErrorType(serviceError(name, status), false)).toBe(type);
  });

  it("a skew refusal is transient once the client has corrected its clock, and 'Signature expired' always", () => {
    expect(retryErrorType(serviceError("InvalidSignatureException", 400), true)).toBe("TRANSIENT");
    expect(retryErrorType(serviceError("InvalidSignatureException", 400, "Signature expired: 20260304T100000Z is now earlier than ..."), false)).toBe("TRANSIENT");
  });

  it("network errors and an attempt's timeout are transient; other CallErrors and a refused header are not", () => {
    expect(retryErrorType(new CallError("NetworkError", "ListCommands", "reset", { code: "ECONNRESET" }), false)).toBe("TRANSIENT");
    expect(retryErrorType(new CallError("TimeoutError", "ListCommands", "attempt"), false)).toBe("TRANSIENT");
    expect(retryErrorType(new CallError("NetworkError", "ListCommands", "bad header", { code: "ERR_INVALID_CHAR" }), false)).toBe("CLIENT_ERROR");
    for (const name of ["InvalidResponseError", "RedirectError", "CredentialsError", "ResponseTooLargeError"] as const) {
      expect(retryErrorType(new CallError(name, "ListCommands", "x"), false)).toBe("CLIENT_ERROR");
    }
  });
});

describe("the client's attempts", () => {
  const noWait = () => standardRetryStrategy({ random: () => 0 });

  it("every attempt of one call carries one amz-sdk-invocation-id and amz-sdk-request attempt=N; max=M, signed", async () => {
    const { fetch, calls } = recordingFetch((_r, _b, i) => (i < 2 ? amzJson({ __type: "ThrottlingException", Message: "Rate exceeded" }, { status: 400 }) : amzJson({ Commands: [] })));
    await expect(createSsmClient(options(fetch, { retryStrategy: noWait() })).listCommands()).resolves.toEqual({ Commands: [] });
    expect(calls.map((c) => c.request.headers.get("amz-sdk-request"))).toEqual(["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]);
    const ids = new Set(calls.map((c) => c.request.headers.get("amz-sdk-invocation-id")));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(calls[0]!.request.headers.get("authorization")).toContain("amz-sdk-invocation-id;amz-sdk-request;");
    // A second call is another invocation.
    await createSsmClient(options(fetch)).listCommands();
    expect(calls[3]!.request.headers.get("amz-sdk-invocation-id")).not.toBe([...ids][0]);
  });

  it.each([
    [429, "CallRateLimitExceededException"],
    [500, "InternalServerError"],
    [502, "UnknownError"],
    [503, "ServiceUnavailable"],
    [504, "UnknownError"],
  ])("HTTP %i is retried, then the answer", async (status, name) => {
    const { fetch, calls } = recordingFetch((_r, _b, i) => (i === 0 ? amzJson({ __type: name }, { status }) : amzJson({ Commands: [] })));
    await createSsmClient(options(fetch, { retryStrategy: noWait() })).listCommands();
    expect(calls).toHaveLength(2);
  });

  it("a documented client error is not retried", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({ __type: "InvalidNextToken", Message: "bad" }, { status: 400 }));
    const error = await createSsmClient(options(fetch, { retryStrategy: noWait() })).listCommands().catch((e: unknown) => e);
    expect(isServiceError(error, "InvalidNextToken")).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it("maxAttempts sets the attempts; the last error is thrown", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({ __type: "ThrottlingException", Message: "Rate exceeded" }, { status: 400 }));
    const sleeps: number[] = [];
    const client = createSsmClient(options(fetch, { maxAttempts: 5, retryStrategy: standardRetryStrategy({ maxAttempts: 5, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) }) }));
    const error = await client.listCommands().catch((e: unknown) => e);
    expect(isServiceError(error, "ThrottlingException")).toBe(true);
    expect(calls.map((c) => c.request.headers.get("amz-sdk-request"))).toEqual([1, 2, 3, 4, 5].map((n) => `attempt=${n}; max=5`));
    expect(sleeps).toEqual([500, 1000, 2000, 4000]);
    const once = recordingFetch(() => amzJson({ __type: "ThrottlingException" }, { status: 400 }));
    await createSsmClient(options(once.fetch, { maxAttempts: 1 })).listCommands().catch(() => undefined);
    expect(once.calls.map((c) => c.request.headers.get("amz-sdk-request"))).toEqual(["attempt=1; max=1"]);
  });

  it("a network error is retried, and is a NetworkError with its cause when attempts run out", async () => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    let attempts = 0;
    const fetch = async (): Promise<Response> => {
      attempts++;
      throw new TypeError("fetch failed", { cause: reset });
    };
    const error = await createSsmClient(options(fetch, { retryStrategy: noWait() })).listCommands().catch((e: unknown) => e);
    expect(attempts).toBe(3);
    expect(error).toMatchObject({ name: "NetworkError", code: "ECONNRESET", operation: "ListCommands" });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it("the caller's abort ends the wait between attempts: no further attempt", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({ __type: "ThrottlingException" }, { status: 400 }));
    const controller = new AbortController();
    const client = createSsmClient(options(fetch, { retryStrategy: standardRetryStrategy({ sleep: () => new Promise(() => controller.abort(new Error("enough"))) }) }));
    const error = await client.listCommands({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(calls).toHaveLength(1);
  });

  it("timeoutMs is a deadline for all attempts and waits: past it nothing is retried", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({ __type: "ThrottlingException" }, { status: 400 }));
    // A real wait of up to 1 s after a throttle, and a 150 ms deadline.
    const error = await createSsmClient(options(fetch, { timeoutMs: 150, retryStrategy: standardRetryStrategy({ random: () => 0.99 }) })).listCommands().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError", message: "ListCommands: no complete answer within 150 ms (the client's timeoutMs)" });
    expect(calls).toHaveLength(1);
  });

  it("attemptTimeoutMs cancels a silent attempt and retries it", async () => {
    let attempts = 0;
    const fetch = (request: Request): Promise<Response> => {
      attempts++;
      if (attempts === 1) return new Promise((_resolve, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));
      return Promise.resolve(amzJson({ Commands: [] }));
    };
    await expect(createSsmClient(options(fetch, { attemptTimeoutMs: 50, retryStrategy: noWait() })).listCommands()).resolves.toEqual({ Commands: [] });
    expect(attempts).toBe(2);
  });

  it("a custom strategy replaces the standard one", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({ __type: "InternalServerError" }, { status: 500 }));
    const never = { maxAttempts: 1, acquireInitialRetryToken: () => ({ retryCount: 0, cost: 0, delayMs: 0 }), refreshRetryTokenForRetry: () => undefined, recordSuccess: () => undefined };
    await createSsmClient(options(fetch, { retryStrategy: never })).listCommands().catch(() => undefined);
    expect(calls).toHaveLength(1);
  });
});
