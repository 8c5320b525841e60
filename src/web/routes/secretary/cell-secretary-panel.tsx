/**
 * The secretary tab of a cell: a member gives feedback on the secretary for the quarter; the secretary
 * and the officials above read the averages (from three raters on) and the comments; those who read the
 * cell's personal data see the training of the secretary and the deputies (successors).
 */
import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Succession } from '../../../shared/schemas/secretary.ts';
import { ApiError } from '../../api/client.ts';
import { useCellFeedback, useSuccession } from '../../api/secretary.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { QuarterPicker } from './quarter-picker.tsx';
import { RateSecretaryCard } from './rate-secretary-card.tsx';
import { TraitBars } from './trait-bars.tsx';
import { currentQuarter } from './words.ts';
import { Link } from 'react-router-dom';

const hidden = (e: unknown) => e instanceof ApiError && e.status === 403;

function Averages({ cellId, quarter, onQuarter }: { cellId: number; quarter: string; onQuarter: (q: string) => void }) {
  const { t } = useTranslation();
  const feedback = useCellFeedback(cellId, quarter);
  if (hidden(feedback.error)) return null;
  const f = feedback.data;
  return (
    <Stack gap="sm" data-testid="secretary-averages">
      <Group justify="space-between" align="end" wrap="wrap">
        <Title order={3} size="h4">
          {f?.secretary ? t('secretary.averagesAbout', { name: f.secretary.fullName }) : t('secretary.averagesTitle')}
        </Title>
        <QuarterPicker value={quarter} onChange={onQuarter} />
      </Group>
      <ErrorAlert error={feedback.error} />
      {f && (
        <>
          <Text size="sm" data-testid="raters">
            {f.raters === null ? t('secretary.belowThreshold', { count: f.minRaters }) : t('secretary.raters', { count: f.raters })}
          </Text>
          <TraitBars traits={f.traits} />
          <Text size="xs" c="dimmed">
            {t('secretary.averagesNote', { count: f.minRaters })}
          </Text>
          {f.comments && f.comments.length > 0 && (
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {t('secretary.comments')}
              </Text>
              <List size="sm" data-testid="secretary-comments">
                {f.comments.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: comments are sorted by text and carry no id
                  <List.Item key={i}>{c}</List.Item>
                ))}
              </List>
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

function Officer({ o, role }: { o: NonNullable<Succession['secretary']>; role: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="officer">
      <Group gap="xs">
        <Anchor component={Link} to={`/people/${o.personId}`} fw={600}>
          {o.fullName}
        </Anchor>
        <Text size="sm" c="dimmed">
          {role}
        </Text>
        <Badge color={o.trained ? 'green' : 'gray'} data-testid="trained-badge">
          {o.trained ? t('secretary.trained') : t('secretary.notTrained')}
        </Badge>
      </Group>
      {o.courses.length > 0 && (
        <List size="sm" mt="xs">
          {o.courses.map((c) => (
            <List.Item key={`${c.course}-${c.institution}-${c.endedOn}`}>
              {t('secretary.course', { course: c.course, institution: c.institution })}
            </List.Item>
          ))}
        </List>
      )}
      {o.programmes.map((p) => (
        <Text key={p.id} size="sm">
          {t('secretary.programmeProgress', {
            title: i18n.language.startsWith('ko') && p.titleKo ? p.titleKo : p.title,
            done: p.done,
            of: p.of,
          })}
        </Text>
      ))}
    </Paper>
  );
}

function SuccessionView({ cellId }: { cellId: number }) {
  const { t } = useTranslation();
  const s = useSuccession(cellId);
  if (hidden(s.error)) return null;
  return (
    <Stack gap="sm" data-testid="succession">
      <Title order={3} size="h4">
        {t('secretary.successionTitle')}
      </Title>
      <ErrorAlert error={s.error} />
      {s.data && (
        <>
          {s.data.secretary ? (
            <Officer o={s.data.secretary} role={t('secretary.roleSecretary')} />
          ) : (
            <Text size="sm">{t('secretary.noSecretary')}</Text>
          )}
          {s.data.deputies.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('secretary.noDeputy')}
            </Text>
          ) : (
            s.data.deputies.map((d) => <Officer key={d.personId} o={d} role={t('secretary.roleSuccessor')} />)
          )}
          <Text size="xs" c="dimmed">
            {t('secretary.trainedNote')}
          </Text>
        </>
      )}
    </Stack>
  );
}

export function CellSecretaryPanel({ cellId, quarter, onQuarter }: { cellId: number; quarter?: string; onQuarter: (q: string) => void }) {
  const q = quarter ?? currentQuarter();
  return (
    <Stack gap="xl" data-testid="cell-secretary">
      <RateSecretaryCard cellId={cellId} quarter={currentQuarter()} />
      <Averages cellId={cellId} quarter={q} onQuarter={onQuarter} />
      <SuccessionView cellId={cellId} />
    </Stack>
  );
}
