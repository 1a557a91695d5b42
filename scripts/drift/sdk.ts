/**
 * The AWS SDK for JavaScript v3 client packages (dev dependencies) read into shapes.ts. What each part
 * of the package carries:
 *   - the schemas its index exports (`ListCommandsRequest$`, `StepExecution$`, ...): member names,
 *     types, required members (a structure's trailing count: its first N members), HTTP bindings
 *     (member traits) and each operation's HTTP trait (REST);
 *   - the enum objects its index exports (`AutomationExecutionStatus`), tied to members by the
 *     model declarations (dist-types/models/*.d.ts: `StepStatus?: AutomationExecutionStatus`);
 *   - each command's declaration (`@throws {@link InvalidNextToken} (client fault)`): the errors of
 *     the operation, whose schemas give their status (`httpError`, else client 400, server 500);
 *   - its paginators (dist-es/pagination/*Paginator.js): input token, output token, page size.
 * The schema encoding is @smithy/core's (sentinels: 0 string, 1 number, 2 boolean, 4-7 timestamps,
 * 15 document, 21/42 blobs, `64|x` a list of x, `128|x` a map of x; arrays `[kind, namespace,
 * name, traits, ...]` with kind 0 simple, 1 list, 2 map, 3 structure, -3 error, 4 union; a member
 * with traits is `[schema, traits]`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";
import type { Member, Model, ModelError, ModelOperation, Shape, StructureShape } from "../lib/shapes.js";

type Schema = unknown;
type Package = Record<string, unknown>;

const TRAIT_BITS = ["httpLabel", "idempotent", "idempotencyToken", "sensitive", "httpPayload", "httpResponseCode", "httpQueryParams"];

function traitsOf(indicator: unknown): Record<string, unknown> {
  if (indicator && typeof indicator === "object") return indicator as Record<string, unknown>;
  const bits = Number(indicator) | 0;
  const traits: Record<string, unknown> = {};
  TRAIT_BITS.forEach((name, i) => {
    if ((bits >> i) & 1) traits[name] = 1;
  });
  return traits;
}

function bindingOf(traits: Record<string, unknown>): string | undefined {
  if (traits["httpHeader"] !== undefined || traits["httpPrefixHeaders"] !== undefined) return "header";
  if (traits["httpQuery"] !== undefined || traits["httpQueryParams"] !== undefined) return "query";
  if (traits["httpLabel"] !== undefined) return "label";
  if (traits["httpPayload"] !== undefined) return "payload";
  if (traits["httpResponseCode"] !== undefined) return "status code";
  return undefined;
}

/** Enum name by `Structure.Member`, from the model declarations. */
function enumMembers(packageDir: string, enumNames: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  const dir = join(packageDir, "dist-types", "models");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".d.ts"))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), "utf8"), ts.ScriptTarget.Latest, false);
    source.forEachChild((node) => {
      if (!ts.isInterfaceDeclaration(node)) return;
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type || !member.name) continue;
        const name = member.name.getText(source).replace(/^["']|["']$/g, "");
        const found: string[] = [];
        const visit = (type: ts.Node): void => {
          if (ts.isTypeReferenceNode(type) && enumNames.has(type.typeName.getText(source))) found.push(type.typeName.getText(source));
          type.forEachChild(visit);
        };
        visit(member.type);
        if (found[0]) out.set(`${node.name.text}.${name}`, found[0]);
      }
    });
  }
  return out;
}

/** The error names a command's declaration lists under `@throws` (the service's base exception aside). */
function commandErrors(packageDir: string, operation: string): string[] {
  const text = readFileSync(join(packageDir, "dist-types", "commands", `${operation}Command.d.ts`), "utf8");
  return [...text.matchAll(/@throws \{@link (\w+)\} \((?:client|server) fault\)/g)].map((m) => m[1]!);
}

function paging(packageDir: string, operation: string): ModelOperation["paging"] {
  let text: string;
  try {
    text = readFileSync(join(packageDir, "dist-es", "pagination", `${operation}Paginator.js`), "utf8");
  } catch {
    return undefined;
  }
  const m = /createPaginator\(\s*\w+,\s*\w+,\s*"([^"]+)",\s*"([^"]+)"(?:,\s*"([^"]+)")?\s*\)/.exec(text);
  if (!m) throw new Error(`${operation}Paginator.js: no createPaginator(...) call found`);
  return { inputToken: m[1]!, outputToken: m[2]!, limit: m[3] };
}

class Decoder {
  private readonly structures = new Map<string, StructureShape>();
  constructor(
    private readonly pkg: Package,
    private readonly enums: Map<string, string>,
  ) {}

  private enumValues(owner: string | undefined, member: string): string[] | undefined {
    const name = owner ? this.enums.get(`${owner}.${member}`) : undefined;
    const values = name ? this.pkg[name] : undefined;
    return values && typeof values === "object" ? Object.values(values as Record<string, string>) : undefined;
  }

  /** A schema as a shape; `values` (an enum's) go on the innermost string. */
  shape(schema: Schema, values?: string[]): Shape {
    const s = typeof schema === "function" ? (schema as () => Schema)() : schema;
    if (typeof s === "number") return this.simple(s, undefined, values);
    if (!Array.isArray(s)) throw new Error(`Unknown SDK schema ${JSON.stringify(s)}`);
    if (typeof s[0] !== "number") return this.shape(s[0], values); // [schema, traits]
    const [kind, , name] = s as [number, string, string];
    switch (kind) {
      case 0:
        return this.shape(s[4], values);
      case 1:
        return { kind: "list", name, member: this.shape(s[4], values) };
      case 2:
        return { kind: "map", name, value: this.shape(s[5], values) };
      case 3:
      case -3:
        return this.structure(s);
      default:
        return { kind: "document", name };
    }
  }

  private simple(sentinel: number, name: string | undefined, values: string[] | undefined): Shape {
    if (sentinel >= 128) return { kind: "map", name, value: this.simple(sentinel - 128, undefined, values) };
    if (sentinel >= 64) return { kind: "list", name, member: this.simple(sentinel - 64, undefined, values) };
    switch (sentinel) {
      case 0:
        return { kind: "string", name, enum: values };
      case 21:
      case 42:
        return { kind: "string", name };
      case 2:
        return { kind: "boolean", name };
      case 1:
      case 17:
      case 19:
        return { kind: "number", name };
      case 4:
      case 5:
      case 6:
      case 7:
        // Timestamps: epoch seconds (a JSON number) unless the member says otherwise.
        return { kind: sentinel === 5 || sentinel === 6 ? "string" : "number", name };
      default:
        return { kind: "document", name };
    }
  }

  structure(s: unknown[]): StructureShape {
    const [, , name, , names, schemas, requiredCount] = s as [number, string, string, unknown, string[], Schema[], number | undefined];
    const cached = this.structures.get(name);
    if (cached) return cached;
    const shape: StructureShape = { kind: "structure", name, members: {} };
    this.structures.set(name, shape);
    names.forEach((member, i) => {
      const schema = schemas[i];
      const traits = Array.isArray(schema) && typeof schema[0] !== "number" ? traitsOf(schema[1]) : {};
      const wire = typeof traits["jsonName"] === "string" ? traits["jsonName"] : member;
      const entry: Member = { shape: this.shape(schema, this.enumValues(name, member)), required: i < (requiredCount ?? 0) };
      const binding = bindingOf(traits);
      if (binding) entry.binding = binding;
      shape.members[wire] = entry;
    });
    return shape;
  }
}

/** Reads one SDK v3 client package (`@aws-sdk/client-ssm`) for the named operations. */
export function readSdkModel(packageName: string, operations: readonly string[], from: string): Model {
  const require = createRequire(from);
  const packageJson = require.resolve(`${packageName}/package.json`);
  const packageDir = dirname(packageJson);
  const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
  const pkg = require(packageName) as Package;
  const enumText = readFileSync(join(packageDir, "dist-types", "models", "enums.d.ts"), "utf8");
  const enumNames = new Set([...enumText.matchAll(/export declare const (\w+): \{/g)].map((m) => m[1]!));
  const decoder = new Decoder(pkg, enumMembers(packageDir, enumNames));
  const model: Model = { source: "sdk", origin: `${packageName}@${version}`, operations: new Map(), carries: { structure: true, constraints: false } };
  for (const operation of operations) {
    const schema = pkg[`${operation}$`] as unknown[] | undefined;
    if (!Array.isArray(schema) || schema[0] !== 9) throw new Error(`${packageName}@${version} has no operation schema ${operation}$`);
    const http = (traitsOf(schema[3])["http"] as [string, string, number] | undefined) ?? undefined;
    const errors: ModelError[] = commandErrors(packageDir, operation).map((name) => {
      const error = pkg[`${name}$`] as unknown[] | undefined;
      if (!Array.isArray(error)) throw new Error(`${packageName}@${version}: ${operation} throws ${name}, which has no schema`);
      const traits = traitsOf(error[3]);
      const status = typeof traits["httpError"] === "number" ? traits["httpError"] : traits["error"] === "server" ? 500 : 400;
      return { name, status, members: Object.keys(decoder.structure(error).members) };
    });
    model.operations.set(operation, {
      name: operation,
      http: http ? { method: http[0], path: http[1] } : undefined,
      request: decoder.shape(schema[4]) as StructureShape,
      response: decoder.shape(schema[5]) as StructureShape,
      errors,
      paging: paging(packageDir, operation),
    });
  }
  return model;
}
