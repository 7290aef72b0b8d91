import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestServer } from './server.js';
import type { TestPerson } from './people.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling hosts this closed network refuses.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where screenshots go (git-ignored). */
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', 'e2e', 'screenshots');

/** Launches Debian's Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** The viewports the product is checked at: a laptop, a tablet and a phone. */
export const Viewports = {
  laptop: { width: 1280, height: 800 },
  tablet: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * A browser context signed in as a person (their session cookie set), in a language and,
 * when given, an IANA time zone (what the browser reports; otherwise the machine's).
 */
export async function contextFor(
  browser: Browser,
  server: TestServer,
  person: TestPerson | null,
  options: {
    locale?: 'en' | 'es';
    viewport?: { width: number; height: number };
    timeZone?: string;
  } = {},
): Promise<BrowserContext> {
  const locale = options.locale ?? 'en';
  const context = await browser.newContext({
    locale: locale === 'es' ? 'es-ES' : 'en-US',
    viewport: options.viewport ?? Viewports.laptop,
    baseURL: server.url,
    ...(options.timeZone ? { timezoneId: options.timeZone } : {}),
  });
  if (person) {
    await context.addCookies([
      {
        name: 'mesa_session',
        value: person.token,
        url: server.url,
        httpOnly: true,
        sameSite: 'Lax',
      },
    ]);
  }
  return context;
}

/**
 * A new page for `person` (signed out: null) in their own context, opened at `path` and waited
 * for until its main heading is there; the context is added to `contexts` for the test to close.
 */
export async function openPage(
  browser: Browser,
  server: TestServer,
  contexts: BrowserContext[],
  person: TestPerson | null,
  options: { locale: 'en' | 'es'; viewport: { width: number; height: number } },
  path: string,
): Promise<Page> {
  const context = await contextFor(browser, server, person, options);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

/** Saves a full-page screenshot under tests/e2e/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A violation axe-core found, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Options of runAxe. */
export interface AxeOptions {
  /** Also check WCAG 2.2 AA target size (24 px, or spaced so), as the narrow-screen tests do. */
  targetSize?: boolean;
}

/** Runs axe-core (WCAG 2 A/AA rules) on the page and returns the violations. */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  if (options.targetSize) tags.push('wcag22aa');
  // Evaluated over the DevTools protocol, so the app's CSP (no inline scripts) stays on.
  await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, tags);
}
