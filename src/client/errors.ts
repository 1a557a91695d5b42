/** AWS errors as typed values: `ServiceError`, discriminated by the AWS error name. */
import type { ImageBuilderOperationErrors, SsmOperationErrors } from "../../generated/types/errors.js";

export type SsmOperationName = keyof SsmOperationErrors;
export type ImageBuilderOperationName = keyof ImageBuilderOperationErrors;
export type OperationName = SsmOperationName | ImageBuilderOperationName;

/** The error names an operation documents (each with its HTTP status in the generated table). */
export type OperationErrorName<Op extends OperationName> = Op extends SsmOperationName
  ? keyof SsmOperationErrors[Op] & string
  : Op extends ImageBuilderOperationName
    ? keyof ImageBuilderOperationErrors[Op] & string
    : never;

/** Every error name documented by any of the five operations. */
export type ServiceErrorName = { [Op in OperationName]: OperationErrorName<Op> }[OperationName];

/**
 * An error answered by the service. `name` is the AWS error name (`InvalidNextToken`,
 * `DoesNotExistException`, ...). A service may also answer an error its operation does not document
 * (a common error such as `ThrottlingException`); it then arrives as a `ServiceError` whose `name`
 * is that string, or `UnknownError` when the response names none.
 */
export class ServiceError<N extends string = string> extends Error {
  override readonly name: N;
  /** The HTTP status code (400, 403, 429, 500, 503, ...). */
  readonly status: number;
  /** The `x-amzn-RequestId` response header, for AWS support. */
  readonly requestId: string | undefined;
  /** The operation that failed, such as `ListCommands`. */
  readonly operation: string;
  /** The parsed error body, as received. */
  readonly body: unknown;

  constructor(init: { name: N; message: string; status: number; requestId: string | undefined; operation: string; body: unknown }) {
    super(init.message);
    this.name = init.name;
    this.status = init.status;
    this.requestId = init.requestId;
    this.operation = init.operation;
    this.body = init.body;
  }
}

/** A `ServiceError` an operation documents; `name` is the union of its documented error names. */
export type OperationError<Op extends OperationName> = ServiceError<OperationErrorName<Op>>;

/**
 * True when `err` is a `ServiceError` (with the given AWS error name, if one is passed). The name is
 * checked against the documented names, so a misspelt name does not compile.
 */
export function isServiceError(err: unknown): err is ServiceError;
export function isServiceError<N extends ServiceErrorName>(err: unknown, name: N): err is ServiceError<N>;
export function isServiceError(err: unknown, name?: string): boolean {
  return err instanceof ServiceError && (name === undefined || err.name === name);
}

/**
 * The error name, as the AWS SDKs read it: the `x-amzn-ErrorType` header first, then the body's
 * `code` or `__type`; a `:`-suffix (`ThrottlingException:http://...`) and a `namespace#` prefix
 * are dropped.
 */
export function errorName(headers: Readonly<Record<string, string | undefined>>, body: unknown): string | undefined {
  const fields = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const raw = headers["x-amzn-errortype"] ?? fields["code"] ?? fields["__type"];
  if (typeof raw !== "string" || raw === "") return undefined;
  const name = raw.split(",")[0]!.split(":")[0]!;
  return name.includes("#") ? name.slice(name.indexOf("#") + 1) : name;
}

export function serviceErrorFrom(operation: string, status: number, headers: Readonly<Record<string, string | undefined>>, body: unknown): ServiceError {
  const fields = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const name = errorName(headers, body) ?? "UnknownError";
  const text = fields["Message"] ?? fields["message"];
  const message =
    typeof text === "string" && text !== ""
      ? text
      : typeof body === "string" && body !== ""
        ? // A proxy's HTML page, say: enough to recognise it, not megabytes in a log line.
          (body.length > 1024 ? `${body.slice(0, 1024)}…` : body)
        : `${operation} failed with HTTP ${status} ${name}`;
  return new ServiceError({ name, message, status, requestId: headers["x-amzn-requestid"], operation, body });
}
