/** Who is calling (the access key ID of the credential scope) and one state per caller when isolation is on. */
import { describe, expect, it } from "vitest";
import { accessKeyIdOf } from "../../../mock/src/callers/access-key.js";
import { CallerRegistry, checkIsolation } from "../../../mock/src/callers/registry.js";
import { callerStates } from "../../../mock/src/callers/state.js";
import { ManualClock } from "../../support/manual-clock.js";
import { entry } from "./support.js";

describe("accessKeyIdOf", () => {
  it("reads the Authorization header's credential scope, as the SDKs send it", () => {
    expect(accessKeyIdOf("AWS4-HMAC-SHA256 Credential=worker-1/20260304/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc", "/")).toBe("worker-1");
    expect(accessKeyIdOf("AWS4-HMAC-SHA256 SignedHeaders=host, Credential=AKIDEXAMPLE/20260304/us-east-1/ssm/aws4_request, Signature=abc", "/")).toBe("AKIDEXAMPLE");
  });

  it("reads a presigned URL's X-Amz-Credential", () => {
    expect(accessKeyIdOf(undefined, "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIATEST%2F20260304%2Fus-east-1%2Fssm%2Faws4_request&X-Amz-Signature=x")).toBe("ASIATEST");
  });

  it("finds none in an unsigned request or a malformed scope", () => {
    expect(accessKeyIdOf(undefined, "/")).toBeUndefined();
    expect(accessKeyIdOf("Bearer abc", "/ListWorkflowStepExecutions")).toBeUndefined();
    expect(accessKeyIdOf("AWS4-HMAC-SHA256 Credential=nodate", "/")).toBeUndefined();
    expect(accessKeyIdOf(`AWS4-HMAC-SHA256 Credential=${"A".repeat(129)}/20260304/us-east-1/ssm/aws4_request`, "/")).toBeUndefined();
  });
});

describe("CallerRegistry", () => {
  let made = 0;
  const create = () => ({ n: ++made });

  it("gives every caller the shared state without isolation", () => {
    const registry = new CallerRegistry("none", create);
    expect(registry.stateFor("a")).toBe(registry.shared);
    expect(registry.stateFor(undefined)).toBe(registry.shared);
    expect(registry.callers()).toEqual([]);
  });

  it("gives each access key ID its own state with isolation, and unsigned requests the shared one", () => {
    const registry = new CallerRegistry("accessKeyId", create);
    const a = registry.stateFor("a");
    const b = registry.stateFor("b");
    expect(a).not.toBe(b);
    expect(a).not.toBe(registry.shared);
    expect(registry.stateFor("a")).toBe(a);
    expect(registry.stateFor(undefined)).toBe(registry.shared);
    expect(registry.states()).toEqual([registry.shared, b, a]);
  });

  it("drops the least recently used caller past its bound", () => {
    const registry = new CallerRegistry("accessKeyId", create, 2);
    const a = registry.stateFor("a");
    registry.stateFor("b");
    registry.stateFor("a");
    registry.stateFor("c");
    expect(registry.callers()).toEqual(["a", "c"]);
    expect(registry.stateFor("a")).toBe(a);
    expect(registry.stateFor("b")).not.toBe(a);
  });

  it("checks the isolation option", () => {
    expect(checkIsolation(undefined)).toBe("none");
    expect(checkIsolation("accessKeyId")).toBe("accessKeyId");
    expect(() => checkIsolation("perTest")).toThrow(/isolation must be "none" or "accessKeyId"/);
  });
});

describe("callerStates", () => {
  /** A manual clock the mock owns: it can go back to its start, and give each caller a copy. */
  class StartedClock extends ManualClock {
    constructor(private readonly start = Date.UTC(2026, 2, 4, 10, 0, 0)) {
      super(start);
    }
    resets = 0;
    reset(): void {
      this.resets++;
      this.advance(this.start - this.now());
    }
    fork(): StartedClock {
      return new StartedClock(this.start);
    }
  }

  it("puts a state back to the mock's start: data set, journal, fault counters, its own clock", () => {
    const clock = new StartedClock();
    const states = callerStates({ data: { Commands: [] }, clock, journal: undefined, isolated: false });
    const state = states.create();
    state.data.replace({ Commands: [{ CommandId: "0831e1a8-a1ac-4257-a1fd-c831b0e0e0e1", Status: "Success" }] }, "test");
    state.journal.record(entry("ListCommands", {}), 1);
    expect(state.attempts.attemptOf({ headers: { "amz-sdk-invocation-id": "i" } } as never, clock.now())).toEqual({ ok: true, attempt: 1 });
    clock.advance(60_000);
    states.reset(state);
    expect(state.data.current.counts()["Commands"]).toBe(0);
    expect(state.journal.size).toBe(0);
    expect(state.attempts.size).toBe(0);
    expect(clock.resets).toBe(1);
  });

  it("gives isolated callers a copy of a clock that can fork, and resets only that copy", () => {
    const clock = new StartedClock();
    const states = callerStates({ data: undefined, clock, journal: { size: 5 }, isolated: true });
    const shared = states.create();
    const caller = states.create();
    expect(shared.clock).toBe(clock);
    expect(caller.clock).not.toBe(clock);
    expect(caller.data).not.toBe(shared.data);
    expect(caller.data.current.data).toBe(shared.data.current.data); // the same start data set
    states.reset(caller);
    expect((caller.clock as StartedClock).resets).toBe(1);
    expect(clock.resets).toBe(0);
    // The shared clock, shared by isolated callers, is not moved by one caller's reset.
    states.reset(shared);
    expect(clock.resets).toBe(0);
  });

  it("shares a clock that cannot fork, and leaves it alone on an isolated caller's reset", () => {
    const clock = new ManualClock();
    const states = callerStates({ data: undefined, clock, journal: undefined, isolated: true });
    states.create();
    const caller = states.create();
    expect(caller.clock).toBe(clock);
    expect(() => states.reset(caller)).not.toThrow();
  });
});
