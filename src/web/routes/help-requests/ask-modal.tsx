/** Asking the cell for help, or editing one's request: a subject, the text, and who may see it. */
import { Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HELP_LIMITS, type HelpRequest, type HelpVisibility } from '../../../shared/schemas/help-requests.ts';
import { useAskForHelp, useEditHelpRequest } from '../../api/help-requests.ts';
import { FormModal } from '../../components/form-modal.tsx';

/**
 * `editing`: the request being edited; null with `opened` asks a new one. `asSecretary`: the asker is
 * their cell's secretary, for whom "the secretary only" would reach nobody else: it is shared with the cell.
 */
export function AskModal({
  opened,
  editing,
  onClose,
  asSecretary = false,
}: {
  opened: boolean;
  editing: HelpRequest | null;
  onClose: () => void;
  asSecretary?: boolean;
}) {
  const { t } = useTranslation();
  const ask = useAskForHelp();
  const edit = useEditHelpRequest();
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<HelpVisibility>('secretary');
  useEffect(() => {
    if (!opened) return;
    setSubject(editing?.subject ?? '');
    setText(editing?.text ?? '');
    setVisibility(editing?.visibility ?? (asSecretary ? 'cell' : 'secretary'));
    ask.reset();
    edit.reset();
  }, [opened, editing, asSecretary, ask.reset, edit.reset]);
  const submit = () => {
    const body = { subject: subject.trim(), text: text.trim(), visibility };
    if (editing) edit.mutate({ id: editing.id, ...body }, { onSuccess: onClose });
    else ask.mutate(body, { onSuccess: onClose });
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={editing ? t('help.editTitle') : t('help.askTitle')}
      onSubmit={submit}
      submitLabel={editing ? t('common.save') : t('help.send')}
      pending={ask.isPending || edit.isPending}
      error={ask.error ?? edit.error}
    >
      <TextInput
        label={t('help.subject')}
        required
        value={subject}
        maxLength={HELP_LIMITS.subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        data-testid="help-subject"
      />
      <Textarea
        label={t('help.text')}
        required
        value={text}
        maxLength={HELP_LIMITS.text}
        autosize
        minRows={3}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="help-text"
      />
      <Radio.Group label={t('help.visibility')} value={visibility} onChange={(v) => setVisibility(v as HelpVisibility)}>
        <Stack gap="xs" mt="xs">
          <Radio
            value="secretary"
            label={t('help.visibilities.secretary')}
            description={asSecretary ? t('help.ownSecretary') : undefined}
            disabled={asSecretary}
            data-testid="help-visibility-secretary"
          />
          <Radio value="cell" label={t('help.visibilities.cell')} data-testid="help-visibility-cell" />
        </Stack>
      </Radio.Group>
    </FormModal>
  );
}
