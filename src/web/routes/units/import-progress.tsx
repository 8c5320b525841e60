import { Group, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../../../shared/schemas/imports.ts';

/** Bytes the server has read when it knows the total, otherwise bytes the browser has sent. */
export function ImportProgress({ status, uploaded, running }: { status: ImportStatus | null; uploaded: number; running: boolean }) {
  const { t } = useTranslation();
  const read = status?.totalBytes ? status.bytesRead / status.totalBytes : null;
  const fraction = status?.status === 'done' ? 1 : Math.min(1, read ?? uploaded);
  const percent = Math.round(fraction * 100);
  return (
    <Stack gap={4}>
      <Progress
        value={percent}
        animated={running}
        striped={running}
        size="lg"
        aria-label={t('import.progress')}
        color={status?.status === 'failed' ? 'orange' : undefined}
        data-testid="import-progress"
      />
      <Group justify="space-between">
        <Text size="sm">{percent}%</Text>
        {status && (
          <Text size="sm" c="dimmed">
            {t('import.rate', {
              count: status.linesRead,
              lines: status.linesRead.toLocaleString(),
              rate: Math.round(status.rowsPerSecond).toLocaleString(),
            })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** One row per bad line, with every problem the server found on it. */
export function ImportErrorsTable({ errors, total }: { errors: ImportStatus['errors']; total: number }) {
  const { t } = useTranslation();
  const byLine = new Map<number, ImportStatus['errors']>();
  for (const e of errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  return (
    <Stack gap={4}>
      <ScrollArea.Autosize mah={300}>
        <Table striped withTableBorder aria-label={t('import.badLines')} data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={90}>
                {t('import.line')}
              </Table.Th>
              <Table.Th scope="col">{t('import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...byLine].map(([line, problems]) => (
              <Table.Tr key={line}>
                <Table.Td>{line}</Table.Td>
                <Table.Td>
                  <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {problems.map((e, i) => (
                      <Text component="li" size="sm" key={i} data-testid="import-problem">
                        {t(`import.error.${e.code}`, { field: e.field ?? '', value: e.value ?? '', defaultValue: e.message })}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {total > errors.length && (
        <Text size="sm" c="dimmed">
          {t('import.moreErrors', { shown: errors.length, total })}
        </Text>
      )}
    </Stack>
  );
}
