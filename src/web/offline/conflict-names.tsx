/**
 * The members a `sync.rollChanged` conflict names: who was recorded but is not on the cell's roll that
 * day (they left), and who is on it but was not recorded (they joined since the pack was kept). The
 * secretary decides about these people, so the screen names them rather than counting them.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OperationError } from './db.ts';

type Named = { personId: number; name: string };
const people = (v: unknown): Named[] =>
  Array.isArray(v) ? v.filter((p): p is Named => typeof p === 'object' && p !== null && typeof p.name === 'string') : [];

export function ConflictNames({ error }: { error: OperationError | undefined }) {
  const { t } = useTranslation();
  if (typeof error !== 'object' || error.messageKey !== 'sync.rollChanged') return null;
  const details = (error.details ?? {}) as { notOnRoll?: unknown; missing?: unknown };
  const left = people(details.notOnRoll);
  const joined = people(details.missing);
  const list = (ps: Named[]) => ps.map((p) => p.name || `#${p.personId}`).join(', ');
  return (
    <>
      {left.length > 0 && (
        <Text size="sm" data-testid="conflict-not-on-roll">
          {t('offline.conflictNotOnRoll', { names: list(left), count: left.length })}
        </Text>
      )}
      {joined.length > 0 && (
        <Text size="sm" data-testid="conflict-missing">
          {t('offline.conflictMissing', { names: list(joined), count: joined.length })}
        </Text>
      )}
    </>
  );
}
