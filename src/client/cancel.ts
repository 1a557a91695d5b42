/**
 * How an attempt is cancelled (its timeout, the call's deadline, the caller's signal). A plain
 * callback list, with an `AbortSignal` made only when a fetch needs one: an AbortSignal listener
 * costs about as much as a tenth of a whole call on the Node transport.
 */
import type { Cancellation } from "./types/wire.js";

export class Cancel implements Cancellation {
  reason: Error | undefined;
  private hooks: Array<(reason: Error) => void> = [];
  private controller: AbortController | undefined;

  on(hook: (reason: Error) => void): () => void {
    if (this.reason) {
      hook(this.reason);
      return () => undefined;
    }
    this.hooks.push(hook);
    return () => {
      const at = this.hooks.indexOf(hook);
      if (at !== -1) this.hooks.splice(at, 1);
    };
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  cancel(reason: Error): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller?.abort(reason);
    for (const hook of this.hooks.splice(0)) hook(reason);
  }
}

/** Settles with `promise`, or rejects with the cancellation's reason as soon as it is cancelled. */
export function raced<T>(promise: Promise<T>, cancel: Cancellation): Promise<T> {
  if (cancel.reason) {
    void promise.catch(() => undefined);
    return Promise.reject(cancel.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const stop = cancel.on(reject);
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}
