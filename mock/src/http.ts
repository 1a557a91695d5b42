/** Small readers of what Node gives for a request, shared by the handler, the server and its wrappers. */

/**
 * A header's first value. Node gives most headers as one string, but some (and every header in
 * `headersDistinct`) as an array, one entry per time the header was sent.
 */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The path of a request target, without its query: `/x?a=1` -> `/x`; none or empty -> `/`. */
export function pathOf(url: string | undefined): string {
  return (url ?? "/").split("?")[0] || "/";
}
