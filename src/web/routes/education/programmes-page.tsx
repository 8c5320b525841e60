/**
 * Education programmes (issue 12): every signed-in user reads the programmes and their themes with the
 * materials and session plans; the centre's administrators add programmes, add themes, write a theme's
 * materials and session plan (theme-modal.tsx) and retire themes (a theme is never deleted: its
 * completions stay).
 */
import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/accounts.ts';
import type { Programme, Theme } from '../../../shared/schemas/education.ts';
import { titleIn, useCreateProgramme, useProgrammes, useUpdateProgramme } from '../../api/education.ts';
import { isCentralAdmin } from '../../components/app-layout.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { ThemeModal } from './theme-modal.tsx';

export function ProgrammesPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const [adding, setAdding] = useState(false);
  const admin = isCentralAdmin(me);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('education.title')}</Title>
        {admin && (
          <Button onClick={() => setAdding(true)} data-testid="add-programme">
            {t('education.programmes.add')}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t('education.intro')}</Text>
      <ErrorAlert error={programmes.error} />
      {programmes.data?.length === 0 && <Text c="dimmed">{t('education.programmes.none')}</Text>}
      {programmes.data?.map((p) => (
        <ProgrammeCard key={p.id} programme={p} admin={admin} />
      ))}
      {adding && <ProgrammeModal onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function ProgrammeCard({ programme: p, admin }: { programme: Programme; admin: boolean }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateProgramme(p.id);
  const [newTheme, setNewTheme] = useState('');
  const [editing, setEditing] = useState<Theme | null>(null);
  const headingId = `programme-${p.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="programme">
      <Title order={3} size="h4" id={headingId}>
        {titleIn(i18n.language, p)}
      </Title>
      {p.description && (
        <Text size="sm" c="dimmed">
          {p.description}
        </Text>
      )}
      <ErrorAlert error={update.error} />
      <Stack gap="xs" mt="sm" component="ol" p={0} style={{ listStyle: 'none' }}>
        {p.themes.map((th) => (
          <ThemeLine
            key={th.id}
            theme={th}
            onRetire={admin && !th.retired ? () => update.mutate({ retireThemeIds: [th.id] }) : undefined}
            onEdit={admin && !th.retired ? () => setEditing(th) : undefined}
          />
        ))}
      </Stack>
      {admin && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (newTheme.trim()) update.mutate({ addThemes: [{ title: newTheme.trim() }] }, { onSuccess: () => setNewTheme('') });
          }}
        >
          <Group mt="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('education.themes.add')}
              value={newTheme}
              onChange={(e) => setNewTheme(e.currentTarget.value)}
              style={{ flex: '1 1 200px' }}
              data-testid="new-theme"
            />
            <Button type="submit" variant="light" loading={update.isPending}>
              {t('education.themes.addButton')}
            </Button>
          </Group>
        </form>
      )}
      {editing && <ThemeModal theme={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function ThemeLine({ theme: th, onRetire, onEdit }: { theme: Theme; onRetire?: () => void; onEdit?: () => void }) {
  const { t, i18n } = useTranslation();
  const plan = [
    th.planMinutes ? t('education.themes.minutes', { count: th.planMinutes }) : null,
    th.planFormat ? t(`education.formats.${th.planFormat}`) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li data-testid="theme">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Group gap="xs">
            <Text fw={500} c={th.retired ? 'dimmed' : undefined}>
              {titleIn(i18n.language, th)}
            </Text>
            {th.retired && <Badge color="gray">{t('education.themes.retired')}</Badge>}
          </Group>
          {th.summary && <Text size="sm">{th.summary}</Text>}
          {plan && (
            <Text size="xs" c="dimmed">
              {t('education.themes.plan')}: {plan}
            </Text>
          )}
          {th.planText && (
            <Text size="xs" c="dimmed">
              {th.planText}
            </Text>
          )}
          <Group gap="xs">
            {th.items.map((i) => (
              <Anchor key={i.id} component={Link} to={`/library/items/${i.id}`} size="sm">
                {i.title}
              </Anchor>
            ))}
            {th.materialUrl && (
              <Anchor href={th.materialUrl} target="_blank" rel="noreferrer noopener" size="sm">
                {t('education.themes.link')}
              </Anchor>
            )}
          </Group>
        </div>
        <Group gap={4} wrap="nowrap">
          {onEdit && (
            <Button
              size="xs"
              variant="subtle"
              onClick={onEdit}
              aria-label={t('education.themes.editOne', { title: th.title })}
              data-testid="edit-theme"
            >
              {t('education.themes.edit')}
            </Button>
          )}
          {onRetire && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={onRetire}
              aria-label={t('education.themes.retireOne', { title: th.title })}
            >
              {t('education.themes.retire')}
            </Button>
          )}
        </Group>
      </Group>
    </li>
  );
}

function ProgrammeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateProgramme();
  const [title, setTitle] = useState('');
  const [titleKo, setTitleKo] = useState('');
  const [themes, setThemes] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    const lines = themes
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!title.trim() || lines.length === 0) return setError(t('education.programmes.needThemes'));
    setError(undefined);
    create.mutate(
      { title: title.trim(), titleKo: titleKo.trim() || null, themes: lines.map((l) => ({ title: l })) },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('education.programmes.add')}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
    >
      <TextInput
        label={t('education.programmes.titleEn')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        data-testid="programme-title"
      />
      <TextInput label={t('education.programmes.titleKo')} value={titleKo} onChange={(e) => setTitleKo(e.currentTarget.value)} />
      <Textarea
        label={t('education.programmes.themes')}
        description={t('education.programmes.themesHint')}
        required
        autosize
        minRows={5}
        value={themes}
        error={error}
        onChange={(e) => setThemes(e.currentTarget.value)}
        data-testid="programme-themes"
      />
    </FormModal>
  );
}
