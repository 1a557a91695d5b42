/**
 * The spec against one model, operation by operation and direction by direction. Each difference is
 * a Finding with a stable id, `<Operation> <direction> <where> <kind>[ <value>]`, such as
 * `DescribeAutomationStepExecutions response StepExecutions[].WarningMessage missing-member`:
 * `missing-*` is in the model and not in the spec, `extra-*` the reverse. `where` is the member
 * path (`[]` a list's items, `{}` a map's values), the error's name, or `-` for the operation.
 * A source compares only what it carries (the SDK: structure, enums, errors, paging, HTTP; botocore:
 * constraints and whole numbers, on the members both have), so an older botocore cannot report
 * members it has not heard of yet.
 */
import type { SpecSide } from "../lib/spec-shapes.js";
import type { Constraints, Model, ModelOperation, Shape, StructureShape } from "../lib/shapes.js";

export type Direction = "http" | "request" | "response" | "error" | "paging";

export interface Finding {
  id: string;
  operation: string;
  direction: Direction;
  where: string;
  kind: string;
  value: string | undefined;
  /** The model the finding is measured against (its origin: `@aws-sdk/client-ssm@3.1169.0`). */
  source: string;
  message: string;
}

const CONSTRAINTS: Array<keyof Constraints> = ["minLength", "maxLength", "pattern", "minimum", "maximum", "minItems", "maxItems"];

/**
 * Whether two patterns are the same regular expression up to escapes that change nothing: botocore
 * writes `\-` outside a character class, which `new RegExp(p, "u")` refuses, so the spec writes `-`.
 */
export function samePattern(a: string, b: string): boolean {
  const plain = (p: string): string => {
    let out = "";
    let inClass = false;
    for (let i = 0; i < p.length; i++) {
      const c = p[i]!;
      if (c === "\\") {
        const next = p[i + 1] ?? "";
        out += !inClass && next === "-" ? "-" : c + next;
        i++;
        continue;
      }
      if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      out += c;
    }
    return out;
  };
  return plain(a) === plain(b);
}

const typeName = (shape: Shape): string => (shape.kind === "number" && shape.integer ? "integer" : shape.kind === "structure" ? "object" : shape.kind);

class Comparison {
  readonly findings: Finding[] = [];
  private readonly visited = new Set<string>();
  constructor(
    private readonly operation: string,
    private readonly model: Model,
  ) {}

  add(direction: Direction, where: string, kind: string, value: string | undefined, message: string): void {
    const id = `${this.operation} ${direction} ${where || "-"} ${kind}${value === undefined ? "" : ` ${value}`}`;
    this.findings.push({ id, operation: this.operation, direction, where: where || "-", kind, value, source: this.model.origin, message });
  }

  structure(direction: Direction, where: string, spec: StructureShape, model: StructureShape): void {
    const key = `${direction}|${spec.name ?? where}|${model.name ?? where}`;
    if (this.visited.has(key)) return;
    this.visited.add(key);
    const at = (member: string): string => (where ? `${where}.${member}` : member);
    const { structure } = this.model.carries;
    for (const [name, member] of Object.entries(model.members)) {
      const mine = spec.members[name];
      if (!mine) {
        if (structure) this.add(direction, at(name), "missing-member", undefined, `${this.model.origin} has ${typeName(member.shape)} member ${at(name)}${member.required ? " (required)" : ""}; the spec does not`);
        continue;
      }
      if (structure && member.required !== mine.required) {
        this.add(direction, at(name), "required", member.required ? "model" : "spec", member.required ? `${this.model.origin} requires ${at(name)}; the spec does not` : `the spec requires ${at(name)}; ${this.model.origin} does not`);
      }
      if (structure && member.binding) this.add(direction, at(name), "binding", member.binding, `${this.model.origin} sends ${at(name)} in the ${member.binding}, the spec in the JSON body`);
      this.shape(direction, at(name), mine.shape, member.shape);
    }
    if (!structure) return;
    for (const name of Object.keys(spec.members)) {
      if (!Object.hasOwn(model.members, name)) this.add(direction, at(name), "extra-member", undefined, `the spec has member ${at(name)}; ${this.model.origin} does not`);
    }
  }

  shape(direction: Direction, where: string, spec: Shape, model: Shape): void {
    if (model.kind === "document") return;
    if (spec.kind !== model.kind) {
      if (this.model.carries.structure) this.add(direction, where, "type", undefined, `${where} is ${typeName(spec)} in the spec, ${typeName(model)} in ${this.model.origin}`);
      return;
    }
    if (this.model.carries.constraints) this.constraints(direction, where, spec, model);
    switch (model.kind) {
      case "structure":
        return this.structure(direction, where, spec as StructureShape, model);
      case "list":
        return this.shape(direction, `${where}[]`, (spec as typeof model).member, model.member);
      case "map":
        return this.shape(direction, `${where}{}`, (spec as typeof model).value, model.value);
      case "number":
        if (model.integer !== undefined && spec.kind === "number" && model.integer !== Boolean(spec.integer)) {
          this.add(direction, where, "type", undefined, `${where} is ${typeName(spec)} in the spec, ${typeName(model)} in ${this.model.origin}`);
        }
        return;
      case "string":
        if (spec.kind === "string" && this.model.carries.structure) this.enumValues(direction, where, spec.enum, model.enum);
        return;
    }
  }

  private enumValues(direction: Direction, where: string, spec: string[] | undefined, model: string[] | undefined): void {
    if (!model && !spec) return;
    if (!model) return this.add(direction, where, "extra-enum", undefined, `the spec closes ${where} to ${spec!.length} values; ${this.model.origin} has a free string`);
    if (!spec) return this.add(direction, where, "missing-enum", undefined, `${this.model.origin} gives ${where} ${model.length} values; the spec has a free string`);
    for (const value of model) if (!spec.includes(value)) this.add(direction, where, "missing-enum-value", value, `${this.model.origin} has ${where} value ${value}; the spec does not`);
    for (const value of spec) if (!model.includes(value)) this.add(direction, where, "extra-enum-value", value, `the spec has ${where} value ${value}; ${this.model.origin} does not`);
  }

  private constraints(direction: Direction, where: string, spec: Shape, model: Shape): void {
    const a = spec as Constraints;
    const b = model as Constraints;
    for (const key of CONSTRAINTS) {
      if (b[key] === undefined || a[key] === b[key]) continue;
      if (key === "pattern" && typeof a[key] === "string" && samePattern(a[key], b[key] as string)) continue;
      this.add(direction, where, key, undefined, `${where} ${key} is ${a[key] === undefined ? "absent" : JSON.stringify(a[key])} in the spec, ${JSON.stringify(b[key])} in ${this.model.origin}`);
    }
  }
}

/** The findings of one operation: the spec side against one model's operation. */
export function compareOperation(spec: SpecSide, model: Model, op: ModelOperation): Finding[] {
  const c = new Comparison(spec.name, model);
  c.structure("request", "", spec.request, op.request);
  c.structure("response", "", spec.response, op.response);
  if (!model.carries.structure) return c.findings;
  if (op.http && (op.http.method !== spec.http?.method || op.http.path !== spec.http.path)) {
    c.add("http", "", "route", undefined, `${model.origin} sends ${op.http.method} ${op.http.path}; the spec ${spec.http?.method} ${spec.http?.path}`);
  }
  const documented = new Map([...spec.errors, ...spec.commonErrors].map((e) => [e.name, e]));
  const lowerMembers = new Set(spec.errorMembers.map((m) => m.toLowerCase()));
  for (const error of op.errors) {
    const mine = documented.get(error.name);
    if (!mine) {
      c.add("error", error.name, "missing-error", undefined, `${model.origin} lists ${error.name} (${error.status}) for ${spec.name}; the spec does not`);
      continue;
    }
    if (mine.status !== error.status) c.add("error", error.name, "status", undefined, `${error.name} is ${mine.status} in the spec, ${error.status} in ${model.origin}`);
    // Error members are matched without case: the AWS SDKs read `Message` and `message` alike.
    for (const member of error.members) {
      if (!lowerMembers.has(member.toLowerCase())) c.add("error", error.name, "missing-error-member", member, `${model.origin}'s ${error.name} has member ${member}; the spec's error body does not`);
    }
  }
  for (const error of spec.errors) {
    if (!op.errors.some((e) => e.name === error.name)) c.add("error", error.name, "extra-error", undefined, `the spec lists ${error.name} for ${spec.name}; ${model.origin} does not (mark it x-aws-common-error if every action can answer it)`);
  }
  const pages = (p: ModelOperation["paging"]): string => (p ? `${p.inputToken} -> ${p.outputToken}${p.limit ? `, page size ${p.limit}` : ""}` : "no paging");
  if (pages(spec.paging) !== pages(op.paging)) c.add("paging", "", "paging", undefined, `${model.origin} pages ${pages(op.paging)}; the spec ${pages(spec.paging)}`);
  return c.findings;
}

/** Every finding of one document's operations against a model; an operation the model lacks is one. */
export function compareModel(specs: Map<string, SpecSide>, model: Model): Finding[] {
  const findings: Finding[] = [];
  for (const [name, spec] of specs) {
    const op = model.operations.get(name);
    if (op) findings.push(...compareOperation(spec, model, op));
    else if (model.carries.structure) {
      findings.push({ id: `${name} http - missing-operation`, operation: name, direction: "http", where: "-", kind: "missing-operation", value: undefined, source: model.origin, message: `${model.origin} has no operation ${name}` });
    }
  }
  return findings;
}
