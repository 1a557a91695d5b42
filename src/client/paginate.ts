/** Async iteration over pages, for the operations that answer a token while more results remain. */

type Tokened<K extends string> = { [P in K]?: string | undefined };

/**
 * Yields each page, passing the last page's token back unchanged. Ends when a page comes back
 * without a token (or with an empty one), and also when the service hands back the very token it
 * was given, which would otherwise loop for ever.
 */
export async function* paginate<K extends string, I extends Tokened<K>, O extends Tokened<K>>(
  send: (input: I) => Promise<O>,
  input: I,
  key: K,
): AsyncGenerator<O, void, undefined> {
  let token: string | undefined = input[key];
  for (;;) {
    const page = await send(token === undefined ? input : { ...input, [key]: token });
    yield page;
    const next: string | undefined = page[key];
    if (typeof next !== "string" || next === "" || next === token) return;
    token = next;
  }
}
