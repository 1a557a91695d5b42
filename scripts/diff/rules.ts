/**
 * What changed between two versions of the spec, and what each change means to a consumer, by
 * direction. A request is what the consumer sends (and the contract, the mock included, refuses
 * what it does not describe), an answer is what the consumer reads:
 *   - breaking: a member removed (request or answer), a request member added as or made required,
 *     an answer member made optional, a type changed, a request bound tightened or pattern changed,
 *     a request enum value removed (or a free request string closed to an enum), an operation
 *     removed or re-routed, paging changed;
 *   - flagged (compatible on the wire, worth a consumer's look): a new answer enum value (an
 *     exhaustive `switch` over the generated union misses it), an answer enum opened to any string,
 *     an answer bound loosened, a new operation-specific error, an error's status changed;
 *   - compatible: a new optional request member, a new answer member, a request bound loosened, a
 *     request enum value added, an answer enum value removed, an error removed, a new operation.
 * AWS's own rules: an AWS JSON operation is routed by its `X-Amz-Target` header, not its path (all
 * are `POST /`), so a changed target is a re-route; an error is known by its name (`__type`, or
 * `x-amzn-ErrorType`), not by the status response it is listed under, so an error moving between
 * statuses is a status change, not a removal and an addition; enums are open by design (AWS adds
 * values without a new API version), so a new answer value is flagged, never breaking; an error
 * marked `x-aws-common-error` (every action's) coming or going is compatible.
 */
import type { Constraints, Shape, StructureShape } from "../lib/shapes.js";
import type { SpecSide } from "../lib/spec-shapes.js";

export type Severity = "breaking" | "flagged" | "compatible";
export type Direction = "operation" | "request" | "response" | "error" | "paging";

export interface Change {
  severity: Severity;
  operation: string;
  direction: Direction;
  /** The member path (`StepExecutions[].WarningMessage`), the error name, or `-`. */
  where: string;
  message: string;
}

const LOWER_BOUNDS: Array<keyof Constraints> = ["minLength", "minimum", "minItems"];
const UPPER_BOUNDS: Array<keyof Constraints> = ["maxLength", "maximum", "maxItems"];

const typeName = (shape: Shape): string => (shape.kind === "number" && shape.integer ? "integer" : shape.kind === "structure" ? "object" : shape.kind);

class Differ {
  readonly changes: Change[] = [];
  private readonly visited = new Set<string>();
  constructor(private readonly operation: string) {}

  add(severity: Severity, direction: Direction, where: string, message: string): void {
    this.changes.push({ severity, operation: this.operation, direction, where: where || "-", message });
  }

  structure(direction: "request" | "response", where: string, base: StructureShape, head: StructureShape): void {
    const key = `${direction}|${where}`;
    if (this.visited.has(key)) return;
    this.visited.add(key);
    const at = (member: string): string => (where ? `${where}.${member}` : member);
    const request = direction === "request";
    for (const [name, was] of Object.entries(base.members)) {
      const now = head.members[name];
      if (!now) {
        this.add("breaking", direction, at(name), request ? `request member ${at(name)} removed: a consumer sending it is refused` : `answer member ${at(name)} removed: a consumer reading it finds nothing`);
        continue;
      }
      if (was.required !== now.required) {
        if (request) this.add(now.required ? "breaking" : "compatible", direction, at(name), now.required ? `request member ${at(name)} made required` : `request member ${at(name)} made optional`);
        else this.add(now.required ? "compatible" : "breaking", direction, at(name), now.required ? `answer member ${at(name)} made required` : `answer member ${at(name)} made optional: a consumer relying on it may find nothing`);
      }
      this.shape(direction, at(name), was.shape, now.shape);
    }
    for (const [name, now] of Object.entries(head.members)) {
      if (Object.hasOwn(base.members, name)) continue;
      if (request) this.add(now.required ? "breaking" : "compatible", direction, at(name), now.required ? `required request member ${at(name)} added` : `optional request member ${at(name)} added`);
      else this.add("compatible", direction, at(name), `answer member ${at(name)} added`);
    }
  }

  shape(direction: "request" | "response", where: string, base: Shape, head: Shape): void {
    if (typeName(base) !== typeName(head)) {
      // A whole number widened to any number is safe to send, not to read; narrowed, the reverse.
      const widened = base.kind === "number" && head.kind === "number" && base.integer && !head.integer;
      const narrowed = base.kind === "number" && head.kind === "number" && !base.integer && head.integer;
      const safe = direction === "request" ? widened : narrowed;
      this.add(safe ? "compatible" : "breaking", direction, where, `${where}: type ${typeName(base)} became ${typeName(head)}`);
      return;
    }
    this.bounds(direction, where, base as Constraints, head as Constraints);
    switch (head.kind) {
      case "structure":
        return this.structure(direction, where, base as StructureShape, head);
      case "list":
        return this.shape(direction, `${where}[]`, (base as typeof head).member, head.member);
      case "map":
        return this.shape(direction, `${where}{}`, (base as typeof head).value, head.value);
      case "string":
        return this.enumValues(direction, where, (base as typeof head).enum, head.enum);
    }
  }

  private bounds(direction: "request" | "response", where: string, base: Constraints, head: Constraints): void {
    const request = direction === "request";
    const report = (tightened: boolean, text: string): void => {
      if (request) this.add(tightened ? "breaking" : "compatible", direction, where, `${text}${tightened ? ": a request the old contract allowed is refused" : ""}`);
      else this.add(tightened ? "compatible" : "flagged", direction, where, `${text}${tightened ? "" : ": answers may now carry values the old contract excluded"}`);
    };
    for (const key of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
      const was = base[key] as number | undefined;
      const now = head[key] as number | undefined;
      if (was === now) continue;
      const lower = LOWER_BOUNDS.includes(key);
      const tightened = was === undefined ? true : now === undefined ? false : lower ? now > was : now < was;
      report(tightened, `${where} ${key} ${was === undefined ? "added" : now === undefined ? "removed" : "changed"} (${was ?? "none"} -> ${now ?? "none"})`);
    }
    if (base.pattern !== head.pattern) {
      // Whether one pattern accepts all the other does is undecidable in general: a changed pattern
      // counts as tightened; a removed one as loosened.
      report(head.pattern !== undefined, `${where} pattern ${base.pattern === undefined ? "added" : head.pattern === undefined ? "removed" : "changed"}`);
    }
  }

  private enumValues(direction: "request" | "response", where: string, base: string[] | undefined, head: string[] | undefined): void {
    const request = direction === "request";
    if (!base && !head) return;
    if (!base) return this.add(request ? "breaking" : "compatible", direction, where, `${where} closed to ${head!.length} enum values`);
    if (!head) return this.add(request ? "compatible" : "flagged", direction, where, `${where} opened from an enum to any string${request ? "" : ": an exhaustive switch over the old union misses values"}`);
    for (const value of base.filter((v) => !head.includes(v))) {
      this.add(request ? "breaking" : "compatible", direction, where, `${where} enum value ${value} removed${request ? ": a consumer sending it is refused" : ""}`);
    }
    for (const value of head.filter((v) => !base.includes(v))) {
      this.add(request ? "compatible" : "flagged", direction, where, `${where} enum value ${value} added${request ? "" : ": compatible on the wire; an exhaustive switch over the generated union does not handle it"}`);
    }
  }
}

const route = (op: SpecSide): string => (op.target ? `X-Amz-Target ${op.target}` : `${op.http?.method} ${op.http?.path}`);
const pages = (op: SpecSide): string => (op.paging ? `${op.paging.inputToken} -> ${op.paging.outputToken}${op.paging.limit ? `, page size ${op.paging.limit}` : ""}` : "no paging");

function diffOperation(base: SpecSide, head: SpecSide): Change[] {
  const d = new Differ(head.name);
  if (base.protocol !== head.protocol) d.add("breaking", "operation", "", `protocol ${base.protocol} became ${head.protocol}`);
  if (route(base) !== route(head)) d.add("breaking", "operation", "", `re-routed: ${route(base)} became ${route(head)}`);
  d.structure("request", "", base.request, head.request);
  d.structure("response", "", base.response, head.response);
  const errors = (op: SpecSide) => new Map([...op.errors, ...op.commonErrors].map((e) => [e.name, e]));
  const [was, now] = [errors(base), errors(head)];
  const common = new Set(head.commonErrors.map((e) => e.name));
  for (const [name, error] of now) {
    const before = was.get(name);
    if (!before) d.add(common.has(name) ? "compatible" : "flagged", "error", name, `error ${name} (${error.status}) added${common.has(name) ? " (common to every action)" : ": a consumer handling errors by name meets a new one"}`);
    else if (before.status !== error.status) d.add("flagged", "error", name, `error ${name}: status ${before.status} became ${error.status} (the SDKs know it by name; a consumer keyed on the status sees another)`);
  }
  for (const [name] of was) if (!now.has(name)) d.add("compatible", "error", name, `error ${name} removed`);
  for (const member of base.errorMembers) if (!head.errorMembers.includes(member)) d.add("breaking", "error", member, `error body member ${member} removed`);
  for (const member of head.errorMembers) if (!base.errorMembers.includes(member)) d.add("compatible", "error", member, `error body member ${member} added`);
  if (pages(base) !== pages(head)) d.add("breaking", "paging", "", `paging ${pages(base)} became ${pages(head)}`);
  return d.changes;
}

/** Every change from `base` to `head`, operation by operation (operations matched by operationId). */
export function diffSpecs(base: ReadonlyMap<string, SpecSide>, head: ReadonlyMap<string, SpecSide>): Change[] {
  const changes: Change[] = [];
  for (const [name, was] of base) {
    const now = head.get(name);
    if (!now) changes.push({ severity: "breaking", operation: name, direction: "operation", where: "-", message: `operation ${name} removed` });
    else changes.push(...diffOperation(was, now));
  }
  for (const name of head.keys()) if (!base.has(name)) changes.push({ severity: "compatible", operation: name, direction: "operation", where: "-", message: `operation ${name} added` });
  return changes;
}
