/**
 * The key of anonymous feedback's author hashes (decision 0021): taken from the configuration when set,
 * otherwise generated once into the data directory and read back on every later start; the hash
 * depends on the key, the meeting and the author.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authorKey, loadFeedbackKey } from '../src/server/modules/reviews/author-key.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellwork-key-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the feedback key', () => {
  it('is the configured one when set, and then nothing is written', () => {
    const dataDir = tempDir();
    const key = loadFeedbackKey({ feedbackKey: 'k'.repeat(40), dataDir });
    expect(key.toString('utf8')).toBe('k'.repeat(40));
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('is generated once into the data directory, owner-only, and the same on the next start', () => {
    const dataDir = path.join(tempDir(), 'nested');
    const first = loadFeedbackKey({ feedbackKey: null, dataDir });
    const second = loadFeedbackKey({ feedbackKey: null, dataDir });
    expect(first.equals(second)).toBe(true);
    expect(fs.readdirSync(dataDir)).toEqual(['feedback.key']);
    expect(fs.statSync(path.join(dataDir, 'feedback.key')).mode & 0o077).toBe(0);
    expect(loadFeedbackKey({ feedbackKey: null, dataDir: tempDir() }).equals(first)).toBe(false);
  });

  it('refuses a key file that holds no usable key', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'feedback.key'), 'short');
    expect(() => loadFeedbackKey({ feedbackKey: null, dataDir })).toThrow(/no usable key/);
  });

  it('hashes differ by key, meeting and author', () => {
    const a = Buffer.from('a'.repeat(32));
    const b = Buffer.from('b'.repeat(32));
    const base = authorKey(a, 1, 2);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(authorKey(a, 1, 2)).toBe(base);
    expect(new Set([base, authorKey(b, 1, 2), authorKey(a, 2, 2), authorKey(a, 1, 3), authorKey(a, 12, 2)]).size).toBe(5);
  });
});
