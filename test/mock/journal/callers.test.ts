/** Who is calling (the access key ID of the credential scope) and one state per caller when isolation is on. */
import { describe, expect, it } from "vitest";
import { accessKeyIdOf } from "../../../mock/src/callers/access-key.js";
import { CallerRegistry, checkIsolation } from "../../../mock/src/callers/registry.js";

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
