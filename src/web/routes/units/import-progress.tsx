import { Group, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../../../shared/schemas.ts';

/** Bytes the server has read when it knows the total, otherwise bytes the browser has sent. */
export function ImportProgress({ status, uploaded, running }: { status: ImportStatus | null; uploaded: number; running: boolean }) {
  const { t } = useTranslation();
  const read = status?.totalBytes ? status.bytesRead / status.totalBytes : null;
  const fraction = status?.status === 'done' ? 1 : Math.min(1, read ?? uploaded);
  const percent = Math.round(fraction * 100);
  return (
    <Stack gap={4}>
      <Progress value={percent} animated={running} striped={running} size="lg" aria-label={t('import.progress')}
        color={status?.status === 'failed' ? 'orange' : undefined}
        data-testid="import-progress" />
      <Group justify="space-between">
        <Text size="sm">{percent}%</Text>
        {status && (
          <Text size="sm" c="dimmed">
            {t('import.rate', { count: status.linesRead, lines: status.linesRead.toLocaleString(), rate: Math.round(status.rowsPerSecond).toLocaleString() })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

export function ImportErrorsTable({ errors, total }: { errors: ImportStatus['errors']; total: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <ScrollArea.Autosize mah={300}>
        <Table striped withTableBorder aria-label={t('import.badLines')} data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={90}>{t('import.line')}</Table.Th>
              <Table.Th scope="col">{t('import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={`${e.line}-${i}`}>
                <Table.Td>{e.line}</Table.Td>
                <Table.Td>{t(`import.error.${e.code}`, { field: e.field ?? '', value: e.value ?? '', defaultValue: e.message })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {total > errors.length && <Text size="sm" c="dimmed">{t('import.moreErrors', { shown: errors.length, total })}</Text>}
    </Stack>
  );
}
