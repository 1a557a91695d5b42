/**
 * Headers the AWS SDK's signer never signs (@smithy/signature-v4's ALWAYS_UNSIGNABLE_HEADERS and
 * its proxy-/sec- patterns; a test checks this list against it): a browser or a proxy may drop or
 * rewrite them, and both signers must sign the same request the same way. Written out here so the
 * browser bundle does not load @smithy/signature-v4.
 */
export const NEVER_SIGNED = /^(?:authorization|cache-control|connection|expect|from|keep-alive|max-forwards|pragma|referer|te|trailer|transfer-encoding|upgrade|user-agent|x-amzn-trace-id|proxy-.*|sec-.*)$/i;
