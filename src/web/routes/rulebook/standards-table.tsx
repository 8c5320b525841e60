/** Versions of standards as a table: what each asks in words, whom it applies to, and when. */
import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../../shared/schemas/compliance.ts';
import { formatPeriod } from '../../lib/period.ts';
import { standardTitle } from '../../lib/standards.ts';
import { useRuleWording } from './rule-wording.ts';
import { ScopeText } from './scope-fields.tsx';
import { lastMonthOf, versionStatus, type VersionStatus } from './standard-rules.ts';

const STATUS_COLORS: Record<VersionStatus, string> = { past: 'gray', current: 'green', planned: 'blue' };

interface Props {
  rows: Standard[];
  today: string;
  labelledBy: string;
  onChange?: (s: Standard) => void;
  onRetire?: (s: Standard) => void;
}

function Actions({ s, onChange, onRetire }: { s: Standard; onChange: (s: Standard) => void; onRetire?: (s: Standard) => void }) {
  const { t, i18n } = useTranslation();
  const title = standardTitle(s, i18n.language);
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => onChange(s)}
        aria-label={t('rulebook.changeNamed', { title })}
        data-testid="change-standard"
      >
        {t('rulebook.change')}
      </Button>
      {onRetire && (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={() => onRetire(s)}
          aria-label={t('rulebook.retireNamed', { title })}
          data-testid="retire-standard"
        >
          {t('rulebook.retire')}
        </Button>
      )}
    </Group>
  );
}

export function StandardsTable({ rows, today, labelledBy, onChange, onRetire }: Props) {
  const { t, i18n } = useTranslation();
  const wording = useRuleWording();
  const month = (p: string) => formatPeriod(p, i18n.language);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped aria-labelledby={labelledBy} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rulebook.col.standard')}</Table.Th>
            <Table.Th scope="col">{t('rulebook.col.rule')}</Table.Th>
            <Table.Th scope="col">{t('rulebook.col.scope')}</Table.Th>
            <Table.Th scope="col">{t('rulebook.col.from')}</Table.Th>
            <Table.Th scope="col">{t('rulebook.col.until')}</Table.Th>
            <Table.Th scope="col">{t('rulebook.col.status')}</Table.Th>
            {onChange && (
              <Table.Th scope="col">
                <VisuallyHidden>{t('rulebook.col.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => {
            const status = versionStatus(s, today);
            const last = lastMonthOf(s);
            return (
              <Table.Tr key={s.id} data-testid="standard-row" data-code={s.code} data-valid-from={s.validFrom} data-status={status}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {standardTitle(s, i18n.language)}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {s.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid="standard-rule">
                    {wording.sentence(s.kind, s.params)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <ScopeText unitId={s.scopeUnitId ?? null} sector={s.scopeSector} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid="standard-from">
                    {month(s.validFrom.slice(0, 7))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid="standard-until">
                    {last ? month(last) : t('rulebook.noEnd')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[status]} miw="max-content">
                    {t(`rulebook.status.${status}`)}
                  </Badge>
                </Table.Td>
                {onChange && (
                  <Table.Td>
                    <Actions s={s} onChange={onChange} onRetire={onRetire} />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
