/**
 * The proxy as an answer source of the mock's pipeline (sources/): the request as it arrived is
 * forwarded to the real service (forward.ts), and the service's answer is passed through as it
 * came (Outcome.passThrough); the violations of both directions go on the request's context, and
 * from there into its AnswerEvent.
 */
import type { Outcome } from "../protocol.js";
import type { Source } from "../sources/types.js";
import { forward, type Forwarder } from "./forward.js";
import { decodedBody, headerOf } from "./violations.js";

export function proxySource(forwarder: Forwarder): Source<"proxy"> {
  return {
    kind: "proxy",
    async answer(_source, op, context) {
      const { req } = context;
      const forwarded = await forward(forwarder, op, { method: context.method, url: req.url ?? "/", headers: req.headersDistinct, body: context.bytes ?? Buffer.alloc(0) });
      context.violations = forwarded.violations;
      if ("own" in forwarded) return { wire: forwarded.own };
      const { status, rawHeaders, body } = forwarded.upstream;
      // What the event reads of the answer: its status and, for an error, its name.
      const headers: Record<string, string> = {};
      for (const name of ["content-type", "x-amzn-errortype"]) {
        const value = headerOf(rawHeaders, name);
        if (value !== undefined) headers[name] = value;
      }
      const outcome: Outcome = { wire: { status, headers, body: status >= 300 ? decodedBody(forwarded.upstream).toString("utf8") : "" }, passThrough: { rawHeaders, body } };
      return outcome;
    },
  };
}
