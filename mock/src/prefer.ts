/**
 * Parses Prism's `Prefer` request header (RFC 7240 syntax), the switch a test uses to ask the mock
 * for a particular answer: `Prefer: code=400, example=InvalidNextToken` or `Prefer: dynamic=true`.
 * Unknown preferences are ignored, as RFC 7240 asks; malformed known ones are reported.
 */
import { MAX_DELAY_MS, MAX_FAILURES } from "./faults/index.js";

export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
  seed?: string;
  /** faults/: the first N attempts of one SDK call get the asked-for error. */
  failures?: number;
  /** faults/: hold the answer back this many milliseconds. */
  delay?: number;
}

export type PreferResult = { ok: true; preferences: Preferences } | { ok: false; message: string };

export function parsePrefer(header: string | string[] | undefined): PreferResult {
  const preferences: Preferences = {};
  const text = Array.isArray(header) ? header.join(",") : header;
  if (!text) return { ok: true, preferences };
  for (const part of text.split(",")) {
    // Parameters after `;` qualify a preference; none of Prism's preferences takes any.
    const [pair = ""] = part.split(";");
    const eq = pair.indexOf("=");
    const key = (eq === -1 ? pair : pair.slice(0, eq)).trim().toLowerCase();
    const value = eq === -1 ? "" : pair.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
    if (key === "code") {
      if (!/^[1-5]\d\d$/.test(value)) return { ok: false, message: `Prefer: code must be an HTTP status such as 400 (got '${value}')` };
      preferences.code = Number(value);
    } else if (key === "example") {
      if (value === "") return { ok: false, message: "Prefer: example needs an example name, such as example=InvalidNextToken" };
      preferences.example = value;
    } else if (key === "dynamic") {
      if (value !== "true" && value !== "false") return { ok: false, message: `Prefer: dynamic must be true or false (got '${value}')` };
      preferences.dynamic = value === "true";
    } else if (key === "seed") {
      preferences.seed = value;
    } else if (key === "failures") {
      if (!/^\d{1,3}$/.test(value) || Number(value) > MAX_FAILURES) return { ok: false, message: `Prefer: failures must be a whole number from 0 to ${MAX_FAILURES} (got '${value}')` };
      preferences.failures = Number(value);
    } else if (key === "delay") {
      if (!/^\d{1,6}$/.test(value) || Number(value) > MAX_DELAY_MS) return { ok: false, message: `Prefer: delay must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS} (got '${value}')` };
      preferences.delay = Number(value);
    }
  }
  return { ok: true, preferences };
}
