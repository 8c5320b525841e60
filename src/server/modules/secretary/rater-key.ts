/**
 * The rater key of a secretary rating (decision 0027, the technique of decision 0021): HMAC-SHA256 over
 * the cell, the quarter, the secretary rated and the rater, under the feedback key that lives outside
 * the database. The table holds only the hash: one row per rater (a second rating in the quarter
 * replaces the first), the server finds a member's own rating, and no query can turn it into a person.
 */
import { createHmac } from 'node:crypto';

export function raterKey(key: Buffer, g: { cellId: number; quarter: string; secretaryId: number }, personId: number): string {
  return createHmac('sha256', key).update(`secretary-rater:${g.cellId}:${g.quarter}:${g.secretaryId}:${personId}`).digest('hex');
}
