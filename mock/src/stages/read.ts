/** read: the request line and headers into the context (method, path, target, the SDK's attempt marks), and whose state it answers from. */
import { firstValue, pathOf } from "../http.js";
import type { SdkAttempt, Stage } from "./types.js";

/** `amz-sdk-request: attempt=2; max=3` -> { attempt: 2, max: 3 }. */
export function sdkAttemptOf(headers: Record<string, string | string[] | undefined>): SdkAttempt {
  const marks = firstValue(headers["amz-sdk-request"]) ?? "";
  const number = (name: string): number | undefined => {
    const value = new RegExp(`(?:^|;)\\s*${name}=(\\d+)\\s*(?:;|$)`).exec(marks)?.[1];
    return value === undefined ? undefined : Number(value);
  };
  return { invocationId: firstValue(headers["amz-sdk-invocation-id"]), attempt: number("attempt"), max: number("max") };
}

export const readStage: Stage = {
  name: "read",
  run(context) {
    const { req } = context;
    context.method = (req.method ?? "GET").toUpperCase();
    context.path = pathOf(req.url);
    context.target = firstValue(req.headers["x-amz-target"]);
    context.sdk = sdkAttemptOf(req.headers);
    context.caller = context.mock.callerOf(context);
    return undefined;
  },
};
