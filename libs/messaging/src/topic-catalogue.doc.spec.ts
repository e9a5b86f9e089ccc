import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderTopicCatalogue } from './topic-catalogue.doc';
import { Topics, topicCatalog } from './topics';

const DOC = path.join(__dirname, '../../../docs/kafka-topics.md');
const BEGIN = '<!-- generated from libs/messaging/src/topics.ts by topic-catalogue.doc.spec.ts: do not edit -->';
const END = '<!-- end of generated catalogue -->';

function generatedPart(text: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/kafka-topics.md lacks the markers ${BEGIN} … ${END}`);
  return text.slice(start + BEGIN.length, end).trim();
}

describe('docs/kafka-topics.md', () => {
  it('shows the topic catalogue exactly as topics.ts builds it (UPDATE_DOCS=1 rewrites it)', () => {
    const text = readFileSync(DOC, 'utf8');
    const expected = renderTopicCatalogue();
    if (process.env.UPDATE_DOCS === '1' && generatedPart(text) !== expected) {
      writeFileSync(DOC, `${text.slice(0, text.indexOf(BEGIN) + BEGIN.length)}\n${expected}\n${text.slice(text.indexOf(END))}`);
      return;
    }
    expect(generatedPart(text)).toBe(expected);
  });

  it('has a row for every topic, and marks the compacted one', () => {
    const rendered = renderTopicCatalogue();
    for (const topic of Object.values(Topics)) expect(rendered).toContain(`| \`${topic}\` |`);
    const compacted = topicCatalog({ partitions: 6, commandPartitions: 16, replicationFactor: 3, retentionMs: 1 }).filter((spec) => spec.config['cleanup.policy'] === 'compact');
    for (const spec of compacted) expect(rendered).toMatch(new RegExp(`\\| \`${spec.name.replace('.', '\\.')}\` \\|[^\\n]*\\*\\*compacted\\*\\*`));
  });
});
