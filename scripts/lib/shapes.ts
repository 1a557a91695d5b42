/**
 * The one shape vocabulary the drift check and the diff compare in: the spec (spec-shapes.ts), the
 * SDK v3 models (drift/sdk.ts) and botocore's models (drift/botocore.ts) are each read into it, so
 * the comparisons know none of their formats. Types are the JSON types on the wire: a timestamp is a `number` (epoch seconds,
 * the default of both protocols), a blob a `string`.
 */

export type Shape = StructureShape | ListShape | MapShape | ScalarShape;

export interface Constraints {
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: string | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
}

export interface Member {
  shape: Shape;
  required: boolean;
  /** Where the member travels when not in the JSON body: `header`, `query`, `label` (URI), `payload`. */
  binding?: string | undefined;
}

export interface StructureShape {
  kind: "structure";
  name: string | undefined;
  members: Record<string, Member>;
}
export interface ListShape extends Constraints {
  kind: "list";
  name: string | undefined;
  member: Shape;
}
export interface MapShape extends Constraints {
  kind: "map";
  name: string | undefined;
  value: Shape;
}
export interface ScalarShape extends Constraints {
  kind: "string" | "number" | "boolean" | "document";
  name: string | undefined;
  /** `integer` when the model says the number is whole (botocore's integer/long; the spec's integer). */
  integer?: boolean | undefined;
  /** The documented values of an enum; undefined when the string is free. */
  enum?: string[] | undefined;
}

export interface ModelError {
  name: string;
  /** The HTTP status the service answers it with. */
  status: number;
  members: string[];
}

export interface Paging {
  inputToken: string;
  outputToken: string;
  limit: string | undefined;
}

/** One operation as a model describes it. */
export interface ModelOperation {
  name: string;
  /** `POST /` plus target (AWS JSON), or the REST method and path. */
  http: { method: string; path: string } | undefined;
  request: StructureShape;
  response: StructureShape;
  errors: ModelError[];
  paging: Paging | undefined;
}

/** A source's operations by name, and what it can be trusted for. */
export interface Model {
  /** `sdk` (the AWS SDK for JavaScript v3 package) or `botocore`. */
  source: string;
  /** The package and version read, for the report. */
  origin: string;
  operations: Map<string, ModelOperation>;
  /** Whether the source carries enum values, errors and paging (the SDK's does), or constraints (botocore's). */
  carries: { structure: boolean; constraints: boolean };
}
