/** A directive's attachments: download links for everyone who can see it; upload and removal while it is a draft, for whoever may edit it. */
import { ActionIcon, Anchor, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Directive } from '../../../shared/schemas/directives.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_DIRECTIVE } from '../../../shared/schemas/directives.ts';
import { attachmentHref, useDeleteAttachment, useUploadAttachment } from '../../api/directives.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const ACCEPT = 'application/pdf,image/png,image/jpeg,text/plain,.pdf,.png,.jpg,.jpeg,.txt';

export function AttachmentsPanel({ directive: d }: { directive: Directive }) {
  const { t, i18n } = useTranslation();
  const upload = useUploadAttachment(d.id);
  const remove = useDeleteAttachment(d.id);
  const editable = d.canManage && d.status === 'draft';
  if (d.attachments.length === 0 && !editable) return null;
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('directives.attachments.sizeMb', { n: (bytes / 1024 / 1024).toLocaleString(i18n.language, { maximumFractionDigits: 1 }) })
      : t('directives.attachments.sizeKb', { n: Math.max(1, Math.round(bytes / 1024)).toLocaleString(i18n.language) });
  return (
    <Card withBorder data-testid="directive-attachments">
      <Stack gap="xs">
        <Title order={4}>{t('directives.attachments.heading')}</Title>
        {d.attachments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('directives.attachments.none')}
          </Text>
        )}
        {d.attachments.map((a) => (
          <Group key={a.id} justify="space-between" data-testid="directive-attachment">
            <Group gap="xs">
              <Anchor href={attachmentHref(d.id, a.id)} download={a.fileName}>
                {a.fileName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {size(a.sizeBytes)}
              </Text>
            </Group>
            {editable && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('directives.attachments.remove', { name: a.fileName })}
                loading={remove.isPending && remove.variables === a.id}
                onClick={() => remove.mutate(a.id)}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        {editable && d.attachments.length < ATTACHMENTS_PER_DIRECTIVE && (
          <FileInput
            label={t('directives.attachments.add')}
            description={t('directives.attachments.rules', { maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024, max: ATTACHMENTS_PER_DIRECTIVE })}
            placeholder={t('directives.attachments.choose')}
            accept={ACCEPT}
            value={null}
            disabled={upload.isPending}
            onChange={(file) => {
              if (file) upload.mutate(file);
            }}
            data-testid="attachment-upload"
          />
        )}
        <ErrorAlert error={upload.error ?? remove.error} />
      </Stack>
    </Card>
  );
}
