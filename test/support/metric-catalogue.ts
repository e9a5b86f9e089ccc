import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo-root';

export type MetricType = 'counter' | 'gauge' | 'histogram';
export type MetricApp = 'connection' | 'smart-charging' | 'pki' | 'all';

export interface MetricSpec {
  name: string;
  type: MetricType;
  /** Sorted. */
  labels: string[];
  /** Where it is documented, or the file that creates it. */
  app?: MetricApp;
  source?: string;
}

export const METRICS_DOC = 'docs/metrics.md';
export const GRAFANA_DASHBOARD = 'k8s/observability/grafana-dashboard.json';

const DOC_ROW = /^\|\s*`(csms_[a-z0-9_]+)`\s*\|\s*(counter|gauge|histogram)\s*\|([^|]*)\|\s*(connection|smart-charging|pki|all)\s*\|/;

/** The metrics docs/metrics.md lists: one table row each. */
export function documentedMetrics(markdown = readFileSync(path.join(repoRoot(), METRICS_DOC), 'utf8')): Map<string, MetricSpec> {
  const metrics = new Map<string, MetricSpec>();
  for (const line of markdown.split('\n')) {
    const row = DOC_ROW.exec(line);
    if (!row) continue;
    const [, name, type, labels, app] = row as unknown as [string, string, MetricType, string, MetricApp];
    if (metrics.has(name)) throw new Error(`${METRICS_DOC} lists ${name} twice`);
    metrics.set(name, { name, type, app, labels: [...labels.matchAll(/`([a-z_]+)`/g)].map((match) => match[1] as string).sort() });
  }
  return metrics;
}

/**
 * The metrics the code creates on the MetricsRegistry (`metrics.counter('csms_…', help, [labels])`,
 * `.histogram(…)`, `.observedGauge(…)`): every instrument goes through those three methods, whose
 * first three arguments are literals by convention, so reading the sources finds them all, also
 * those a process creates only in some configurations.
 */
export function createdMetrics(root = repoRoot()): Map<string, MetricSpec> {
  const call = /\.(counter|histogram|observedGauge)\(\s*'(csms_[a-z0-9_]+)',\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`),\s*\[([^\]]*)\]/g;
  const metrics = new Map<string, MetricSpec>();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(call)) {
      const [, method, name, labels] = match as unknown as [string, string, string, string];
      const spec: MetricSpec = {
        name,
        type: method === 'observedGauge' ? 'gauge' : (method as MetricType),
        labels: [...labels.matchAll(/'([a-z_]+)'/g)].map((label) => label[1] as string).sort(),
        source: file,
      };
      const earlier = metrics.get(name);
      if (earlier && (earlier.type !== spec.type || earlier.labels.join() !== spec.labels.join())) {
        throw new Error(`${name} is created differently in ${earlier.source} and ${file}`);
      }
      metrics.set(name, earlier ?? spec);
    }
  }
  return metrics;
}

function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'generated') walk(relative);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
        files.push(relative);
      }
    }
  };
  walk('apps');
  walk('libs');
  return files;
}

/** The metric families a Prometheus text exposition declares (`# TYPE name type`). */
export function scrapedFamilies(exposition: string): Map<string, MetricType | 'untyped' | 'summary'> {
  const families = new Map<string, MetricType | 'untyped' | 'summary'>();
  for (const match of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) families.set(match[1] as string, match[2] as MetricType);
  return families;
}

/** Samples of a family (histograms: name `<family>_bucket|_sum|_count`), with their labels and value. */
export function samplesOf(exposition: string, name: string): { labels: Record<string, string>; value: number }[] {
  const samples: { labels: Record<string, string>; value: number }[] = [];
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1], label[2]]));
    samples.push({ labels, value: Number(match[3]) });
  }
  return samples;
}

/**
 * The metric names a PromQL expression reads: identifiers that are not functions, keywords,
 * label names (inside braces or by/without lists) or durations. Histogram series
 * (`_bucket`, `_sum`, `_count`) name their family.
 */
export function metricsInPromQl(expr: string): string[] {
  const withoutLabels = expr
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  const names = new Set<string>();
  for (const match of withoutLabels.matchAll(/(?<![a-zA-Z0-9_:.$])[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const token = match[0];
    const next = withoutLabels.slice((match.index ?? 0) + token.length).trimStart();
    if (next.startsWith('(') || PROMQL_KEYWORDS.has(token)) continue;
    names.add(token);
  }
  return [...names];
}

const PROMQL_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan', 'Inf', 'NaN']);

/** The family a series name belongs to, given the families that exist. */
export function familyOf(series: string, families: ReadonlySet<string>): string {
  if (families.has(series)) return series;
  const family = series.replace(/_(bucket|sum|count)$/, '');
  return families.has(family) ? family : series;
}

interface DashboardPanel {
  title?: string;
  targets?: { expr?: string }[];
  panels?: DashboardPanel[];
}

/** Every PromQL expression of a Grafana dashboard, with its panel's title (rows nest panels). */
export function dashboardExpressions(dashboard: { panels?: DashboardPanel[] }): { panel: string; expr: string }[] {
  const expressions: { panel: string; expr: string }[] = [];
  const visit = (panels: DashboardPanel[] = []) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) if (target.expr) expressions.push({ panel: panel.title ?? '(untitled)', expr: target.expr });
      visit(panel.panels);
    }
  };
  visit(dashboard.panels);
  return expressions;
}
