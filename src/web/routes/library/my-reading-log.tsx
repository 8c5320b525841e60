/** My reading log: what I read alone and at the study sessions I attended. Only I see it (decision 0017). */
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMyReadingLog } from '../../api/library.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/period.ts';
import { ItemLine } from './item-bits.tsx';
import { Loading } from './library-page.tsx';

export function MyReadingLog() {
  const { t, i18n } = useTranslation();
  const log = useMyReadingLog();
  if (log.isPending) return <Loading />;
  if (log.isError) return <ErrorAlert error={log.error} />;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('library.log.private')}
      </Text>
      {log.data.length === 0 ? (
        <Text c="dimmed">{t('library.log.empty')}</Text>
      ) : (
        <Table data-testid="reading-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('library.log.item')}</Table.Th>
              <Table.Th>{t('library.log.alone')}</Table.Th>
              <Table.Th>{t('library.log.sessions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.map((e) => (
              <Table.Tr key={e.item.id} data-testid="reading-log-entry" data-item-id={e.item.id}>
                <Table.Td>
                  <ItemLine item={e.item} />
                </Table.Td>
                <Table.Td>{e.readOn ? formatDate(e.readOn, i18n.language) : '—'}</Table.Td>
                <Table.Td>
                  {e.sessions.length === 0
                    ? '—'
                    : e.sessions.map((s) => (
                        // A line of 24 px: stacked links keep WCAG 2.2's minimum target size.
                        <Anchor key={s.meetingId} component={Link} to={`/meetings/${s.meetingId}`} display="block" size="sm" lh="24px">
                          {formatDate(s.meetsOn, i18n.language)}
                        </Anchor>
                      ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
