import { Anchor, Button, Center, Loader, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import type { AuditEntry } from '../../../shared/schemas/audit.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../lib/period.ts';
import { AuditDiff } from './audit-diff.tsx';
import { AuditFilters } from './audit-filters.tsx';
import { useAuditTrail, type AuditFilterValues } from './audit-query.ts';
import { actionLabel, canReadAudit, entityLabel } from './audit-words.ts';

const ID_FILTERS = ['unitId', 'personId', 'actorId'] as const;
const TEXT_FILTERS = ['entity', 'action'] as const;

/** The filters live in the address, so a filtered trail can be linked to and reloaded. */
function filtersFrom(params: URLSearchParams): AuditFilterValues {
  const id = (k: string) => (/^\d{1,15}$/.test(params.get(k) ?? '') ? Number(params.get(k)) : null);
  return {
    unitId: id('unitId'),
    personId: id('personId'),
    actorId: id('actorId'),
    entity: params.get('entity'),
    action: params.get('action'),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

function toParams(f: AuditFilterValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ID_FILTERS) if (f[k] !== null) out[k] = String(f[k]);
  for (const k of TEXT_FILTERS) if (f[k]) out[k] = f[k];
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  return out;
}

function Who({ entry, onPick }: { entry: AuditEntry; onPick: (actorId: number) => void }) {
  const { t } = useTranslation();
  if (!entry.actor)
    return (
      <Text size="sm" c="dimmed">
        {t('audit.system')}
      </Text>
    );
  const name = entry.actor.fullName ? `${entry.actor.fullName} (${entry.actor.login})` : entry.actor.login;
  const actorId = entry.actor.accountId;
  return (
    <UnstyledButton onClick={() => onPick(actorId)} aria-label={t('audit.onlyBy', { name })} fz="sm" td="underline">
      {name}
    </UnstyledButton>
  );
}

function What({ entry, onPickPerson }: { entry: AuditEntry; onPickPerson: (id: number) => void }) {
  const { t } = useTranslation();
  const id = entry.entityId;
  const name = entry.entityLabel ?? (id ? `#${id}` : '');
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {actionLabel(t, entry.action)}
      </Text>
      <Text size="xs" c="dimmed">
        {entityLabel(t, entry.entity)}
        {name ? ': ' : ''}
        {entry.entity === 'person' && id ? (
          <UnstyledButton onClick={() => onPickPerson(Number(id))} aria-label={t('audit.onlyAbout', { name })} fz="xs" td="underline">
            {name}
          </UnstyledButton>
        ) : entry.entity === 'unit' && id ? (
          <Anchor component={Link} to={`/units/${id}`} fz="xs">
            {name}
          </Anchor>
        ) : (
          name
        )}
      </Text>
    </Stack>
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const allowed = me.data ? canReadAudit(me.data) : false;
  const trail = useAuditTrail(filters, allowed);
  if (!allowed) return <Navigate to="/" replace />;
  const rows = trail.data?.pages.flatMap((p) => p.items) ?? [];
  const change = (next: Partial<AuditFilterValues>) => setParams(toParams({ ...filters, ...next }), { replace: true });
  const unitLabel = rows.find((r) => r.unit?.id === filters.unitId)?.unit?.name;

  return (
    <Stack gap="lg">
      <Title order={2} id="audit-title">
        {t('audit.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('audit.intro')}
      </Text>
      <AuditFilters values={filters} onChange={change} onClear={() => setParams({}, { replace: true })} unitLabel={unitLabel} />
      <ErrorAlert error={trail.error} />
      <Table.ScrollContainer minWidth={820}>
        <Table striped aria-labelledby="audit-title" verticalSpacing="sm" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.when')}</Table.Th>
              <Table.Th scope="col">{t('audit.who')}</Table.Th>
              <Table.Th scope="col">{t('audit.what')}</Table.Th>
              <Table.Th scope="col">{t('audit.unit')}</Table.Th>
              <Table.Th scope="col">{t('audit.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Who entry={e} onPick={(actorId) => change({ actorId })} />
                </Table.Td>
                <Table.Td>
                  <What entry={e} onPickPerson={(personId) => change({ personId, entity: null })} />
                </Table.Td>
                <Table.Td>
                  {e.unit ? (
                    <Anchor component={Link} to={`/units/${e.unit.id}`} size="sm">
                      {e.unit.name}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('audit.noUnit')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <AuditDiff before={e.before} after={e.after} caption={t('audit.diffCaption', { action: actionLabel(t, e.action) })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {trail.isPending && (
        <Center>
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {!trail.isPending && rows.length === 0 && !trail.error && (
        <Text c="dimmed" data-testid="audit-empty">
          {t('audit.none')}
        </Text>
      )}
      {trail.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage} data-testid="audit-more">
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
