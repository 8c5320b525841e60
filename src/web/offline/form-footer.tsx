/** The foot of an offline form: what stops the save, then "save to the outbox" and "cancel". */
import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function OfflineFormFooter({
  problem,
  onSave,
  onCancel,
  saveTestId,
}: {
  problem: string | null;
  onSave: () => void;
  onCancel: () => void;
  saveTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group>
        <Button onClick={onSave} data-testid={saveTestId}>
          {t('offline.saveToOutbox')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </>
  );
}
