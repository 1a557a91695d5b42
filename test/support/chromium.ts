/**
 * Debian's chromium driven by playwright-core, for the tests that need a real browser (the docs site,
 * the clients' browser builds). .ci/run installs chromium when it is missing; without it those tests
 * are skipped with a message saying so.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIPPED_WITHOUT_CHROMIUM = HAS_CHROMIUM ? "" : ` (SKIPPED: ${CHROMIUM} missing; .ci/run installs it)`;

export interface Chromium {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Headless chromium with a fresh profile, offline from everything but what the page asks for. */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
  // A fresh profile per run; playwright takes it as launchPersistentContext's userDataDir (it
  // refuses a --user-data-dir argument).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: options.viewport ?? { width: 1400, height: 900 },
    timeout: 30_000,
  });
  // Fail on the step that is stuck, with its own message, well before the test's time limit.
  context.setDefaultTimeout(10_000);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
