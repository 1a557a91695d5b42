/**
 * The answer events' subscribers: every place that answers calls `emit` once per answer, and each
 * subscriber (the log line, a request journal, a test) gets the event. A subscriber that throws
 * does not stop the others, nor the answer.
 */
import type { AnswerEvent, AnswerListener } from "./event.js";

export class AnswerEvents {
  private readonly listeners = new Set<AnswerListener>();

  /** Calls `listener` with every answer from now on; returns the function that stops it. */
  subscribe(listener: AnswerListener): () => void {
    // Wrapped, so that one function subscribed twice is two subscriptions.
    const entry: AnswerListener = (event) => listener(event);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  emit(event: AnswerEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A subscriber's failure is its own; the mock keeps answering.
      }
    }
  }
}

/** Request headers without their secrets: the signature and the session token. */
export function redactedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    if (name === "x-amz-security-token") out[name] = "(redacted)";
    else if (name === "authorization") out[name] = text.replace(/Signature=[0-9a-fA-F]*/g, "Signature=(redacted)");
    else out[name] = text;
  }
  return out;
}
