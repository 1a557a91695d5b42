/** Async iteration over pages, for the operations that answer a token while more results remain. */
import { CallError } from "./call-error.js";
import type { CallOptions } from "./types/options.js";

type Tokened<K extends string> = { [P in K]?: string | undefined };

/**
 * Yields each page, passing the last page's token back unchanged. Ends when a page comes back
 * without a token (or with an empty one). A token already followed (the one just sent, or any
 * earlier one: A, B, A, ...) would loop for ever: the paginator then throws a `CallError` named
 * `PaginationLoopError` after yielding that page.
 */
export async function* paginate<K extends string, I extends Tokened<K>, O extends Tokened<K>>(
  operation: string,
  send: (input: I, call?: CallOptions) => Promise<O>,
  input: I,
  key: K,
  call: CallOptions | undefined,
): AsyncGenerator<O, void, undefined> {
  let token: string | undefined = input[key];
  const followed = new Set<string>(token === undefined ? [] : [token]);
  for (let pages = 1; ; pages++) {
    const page = await send(token === undefined ? input : { ...input, [key]: token }, call);
    yield page;
    const next: string | undefined = page[key];
    if (typeof next !== "string" || next === "") return;
    if (followed.has(next)) {
      throw new CallError("PaginationLoopError", operation, `page ${pages} answered ${key} ${JSON.stringify(next.length > 64 ? `${next.slice(0, 64)}...` : next)}, a token already followed; following it again would loop for ever`);
    }
    followed.add(next);
    token = next;
  }
}
