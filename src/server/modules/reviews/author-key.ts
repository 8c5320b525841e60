/**
 * The author key of anonymous feedback (decision 0021): HMAC-SHA256 over the meeting and the author,
 * under a key that lives outside the database (the environment, or a file in the data directory). The
 * database holds only the hash: it counts an item's distinct authors and lets the server find an
 * author's own items for their export, but no query can compute it, so none can join it to a person.
 * A key per meeting (the meeting id is hashed in) keeps one author's items in two sessions unlinkable.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';

const KEY_FILE = 'feedback.key';

/** The configured key, else the one in `<dataDir>/feedback.key`, written (owner-only) on first use. */
export function loadFeedbackKey(config: Pick<Config, 'feedbackKey' | 'dataDir'>): Buffer {
  if (config.feedbackKey) return Buffer.from(config.feedbackKey, 'utf8');
  const file = path.join(config.dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    // Written whole to a private temporary file, then linked in: two processes starting at once
    // cannot both install one, and neither reads a half-written key; the loser reads the winner's.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const stored = fs.readFileSync(file, 'utf8').trim();
  if (stored.length < 32) throw new Error(`${file} holds no usable key (expected 64 hex characters)`);
  return Buffer.from(stored, 'utf8');
}

/** The hash stored in place of an anonymous item's author. */
export function authorKey(key: Buffer, meetingId: number, personId: number): string {
  return createHmac('sha256', key).update(`feedback-author:${meetingId}:${personId}`).digest('hex');
}
