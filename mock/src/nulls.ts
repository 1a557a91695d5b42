/**
 * JSON `null` as a member of a request structure means "not set" on the AWS wire: Smithy's AWS JSON
 * 1.1 protocol test `AwsJson11ServersDontDeserializeNullStructureValues` has a server read
 * `{"string": null}` as `{}`, and the services word a missing required member as
 * `Value null at '<member>' failed to satisfy constraint: Member must not be null`. A client that
 * writes nulls (boto3 with `parameter_validation=False` and `Member=None`, hand-written JSON)
 * therefore gets what it would get without the member, not a type error.
 */

/** Deeper than any input of the served APIs; what lies below is left as it is (validation refuses it). */
const MAX_DEPTH = 32;

/**
 * The request body with every object member whose value is `null` left out, down to MAX_DEPTH (so a
 * hostile, deeply nested body cannot exhaust the stack). Lists keep their items as they are (a `null`
 * item in a list is still refused, as a SerializationException). Returns the same value when there is no null
 * member, so the common request is not copied.
 */
export function withoutNullMembers(value: unknown, depth = 0): unknown {
  if (depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const cleaned = withoutNullMembers(item, depth + 1);
      if (cleaned !== item) (copy ??= [...value])[i] = cleaned;
    });
    return copy ?? value;
  }
  if (value === null || typeof value !== "object") return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, member] of Object.entries(value)) {
    if (member === null) {
      copy ??= { ...(value as Record<string, unknown>) };
      delete copy[key];
      continue;
    }
    const cleaned = withoutNullMembers(member, depth + 1);
    if (cleaned !== member) (copy ??= { ...(value as Record<string, unknown>) })[key] = cleaned;
  }
  return copy ?? value;
}
