/**
 * auth: the signature check (auth/), when the mock was started with one. It runs on the bytes as
 * they arrived, before the body is parsed: a badly signed request with a malformed body gets the
 * signature error, as AWS answers.
 */
import type { Stage } from "./types.js";

export const authStage: Stage = {
  name: "auth",
  async run(context) {
    const check = context.mock.auth;
    if (!check) return undefined;
    const result = await check(context.operation!, context.req, context.bytes!, context.caller.clock.now());
    context.auth = result.refusal
      ? { checked: true, ok: false, error: result.refusal.name, accessKeyId: result.accessKeyId }
      : { checked: true, ok: true, accessKeyId: result.accessKeyId ?? "" };
    return result.refusal && { wire: result.refusal.wire };
  },
};
