/** Averages per trait as a table with a bar each (1–5); "—" where nothing is shown (below three raters). */
import { Progress, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSecretaryTraits } from '../../api/secretary.ts';
import { traitTitle } from './words.ts';

export function TraitBars({ traits }: { traits: Array<{ code: string; title: string; average: number | null }> }) {
  const { t, i18n } = useTranslation();
  const catalog = new Map((useSecretaryTraits().data?.items ?? []).map((x) => [x.code, x]));
  const title = (code: string, fallback: string) => {
    const x = catalog.get(code);
    return x ? traitTitle(x, i18n.language) : fallback;
  };
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('secretary.trait')}</Table.Th>
            <Table.Th ta="right">{t('secretary.average')}</Table.Th>
            <Table.Th w="45%">
              <VisuallyHidden>{t('secretary.chart')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {traits.map((x) => (
            <Table.Tr key={x.code} data-testid={`average-${x.code}`}>
              <Table.Td>{title(x.code, x.title)}</Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600} data-testid="average-value">
                  {x.average === null ? '—' : x.average.toFixed(2)}
                </Text>
              </Table.Td>
              <Table.Td>{x.average !== null && <Progress value={(x.average / 5) * 100} aria-hidden size="lg" />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
