/**
 * Finds this package's runtime parts (client, validate, mock) in src/. They are loaded by file, not
 * by a static import, so the bench still runs (and says what it could not measure) in a checkout
 * where one of them is missing.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The CONTRACT.md API the bench relies on, no more. */
export interface SsmClientOptions {
  region: string;
  endpoint?: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  validateResponses?: boolean;
}
export interface ClientModule {
  createSsmClient(options: SsmClientOptions): { listCommands(input: Record<string, unknown>): Promise<unknown> };
}
export interface ValidateModule {
  validate(operation: string, kind: "request" | "response" | "error", body: unknown): { ok: boolean; errors: unknown[] };
}
export interface MockModule {
  startMock(options?: { port?: number; host?: string; log?: unknown }): Promise<{ url: string; close: () => Promise<void> }>;
}

const candidates = {
  client: ["src/index.ts"],
  validate: ["src/validate.ts", "src/validate/index.ts"],
  mock: ["src/mock/index.ts", "src/mock.ts"],
} as const;

export type Part = keyof typeof candidates;

/** Absolute path of a part's entry file, or undefined when this checkout has none. */
export function partFile(part: Part): string | undefined {
  for (const file of candidates[part]) {
    const path = fileURLToPath(new URL(`../../${file}`, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

async function load<T>(part: Part): Promise<T | undefined> {
  const file = partFile(part);
  return file === undefined ? undefined : ((await import(file)) as T);
}

export const loadClient = (): Promise<ClientModule | undefined> => load<ClientModule>("client");
export const loadValidate = (): Promise<ValidateModule | undefined> => load<ValidateModule>("validate");
export const loadMock = (): Promise<MockModule | undefined> => load<MockModule>("mock");

export const missing = (part: Part): string => `src/ has no ${part} yet (${candidates[part].join(" or ")})`;

/** Dummy credentials: the bench servers never check signatures, but both clients still sign. */
export const CREDENTIALS = { accessKeyId: "AKIDBENCHEXAMPLE", secretAccessKey: "bench/secret/EXAMPLEKEY" } as const;
export const REGION = "us-east-1";
