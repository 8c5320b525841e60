import { Code, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from './audit-words.ts';

type Change = { field: string; before: unknown; after: unknown };

/** Bookkeeping that changes with every edit and says nothing about it. */
const NOISE = new Set(['updated_at', 'updatedAt', 'version']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields that differ between before and after; a side that is not a record counts as one field. */
export function changedFields(before: unknown, after: unknown): Change[] {
  if ((before === null || isRecord(before)) && (after === null || isRecord(after))) {
    const b = before ?? {};
    const a = after ?? {};
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !NOISE.has(f));
    return fields
      .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
      .map((f) => ({ field: f, before: b[f] ?? null, after: a[f] ?? null }));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: '', before, after }];
}

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return (
      <Text span c="dimmed" size="sm">
        {t('audit.empty')}
      </Text>
    );
  if (typeof value === 'object')
    return (
      <Code block style={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>
        {JSON.stringify(value, null, 1)}
      </Code>
    );
  return (
    <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
      {String(value)}
    </Text>
  );
}

/** Before and after side by side, one line per changed field. */
export function AuditDiff({ before, after, caption }: { before: unknown; after: unknown; caption: string }) {
  const { t } = useTranslation();
  const changes = changedFields(before, after);
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={2} data-testid="audit-diff">
      <VisuallyHidden component="caption">{caption}</VisuallyHidden>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('audit.fieldColumn')}</Table.Th>
          <Table.Th scope="col">{t('audit.before')}</Table.Th>
          <Table.Th scope="col">{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field} data-field={c.field}>
            <Table.Th scope="row" fw={500}>
              {c.field ? fieldLabel(t, c.field) : t('audit.record')}
            </Table.Th>
            <Table.Td>
              <Value value={c.before} />
            </Table.Td>
            <Table.Td>
              <Value value={c.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
