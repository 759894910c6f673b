import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  id: string;
  impact: AxeImpact | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

interface AxeGlobal {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{
    violations: {
      id: string;
      impact: AxeImpact | null;
      help: string;
      nodes: { target: unknown[]; html: string; failureSummary?: string }[];
    }[];
  }>;
}

/** The WCAG 2.0 and 2.1 level A and AA rules. */
export const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeOptions {
  /** CSS selector(s) of the parts of the page to check (default: the whole document). */
  include?: string | readonly string[];
  /** Rule ids to run alone, e.g. ['color-contrast']. */
  rules?: readonly string[];
  /** Run only the rules with these tags, e.g. WCAG_A_AA. */
  tags?: readonly string[];
}

/**
 * Runs axe-core in the page and returns its violations. The script comes from node_modules and is evaluated
 * through the browser's debugging protocol: the page makes no request for it, and its Content Security Policy
 * (which rightly refuses inline scripts, so `page.addScriptTag` fails) stays in force for the app.
 */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  if (options.rules && options.tags) throw new Error('runAxe: give rules or tags, not both');
  const include = typeof options.include === 'string' ? [options.include] : [...(options.include ?? [])];
  const runOnly = options.rules
    ? { type: 'rule', values: [...options.rules] }
    : options.tags
      ? { type: 'tag', values: [...options.tags] }
      : null;
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  return page.evaluate(
    async ({ include, runOnly }) => {
      const axe = (window as unknown as { axe: AxeGlobal }).axe;
      // Each selector is its own context entry: axe checks the union of what they match.
      const context = include.length ? { include: include.map((selector) => [selector]) } : document;
      const result = await axe.run(context, {
        resultTypes: ['violations'],
        ...(runOnly ? { runOnly } : {}),
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String),
          html: n.html,
          failureSummary: n.failureSummary,
        })),
      }));
    },
    { include, runOnly },
  );
}

/** The violations a reader cannot work around: axe's 'serious' and 'critical'. */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per failing element, readable in a test failure. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `[${v.impact}] ${v.id}: ${v.help} @ ${n.target.join(' ')} ${n.html.slice(0, 160)}`),
  );
}
