/** A meeting kind's buttons: change it, retire or restore it, move it up or down the list (last, so the arrows line up). */
import { ActionIcon, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingKind, MeetingKindMove } from '../../../shared/schemas/meetings.ts';

interface MeetingKindActionsProps {
  kind: MeetingKind;
  name: string;
  first: boolean;
  last: boolean;
  onMove: (direction: MeetingKindMove) => void;
  onChange: () => void;
  onRetire: () => void;
  onRestore: () => void;
}

export function MeetingKindActions({ kind, name, first, last, onMove, onChange, onRetire, onRestore }: MeetingKindActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Button
        size="compact-sm"
        variant="light"
        onClick={onChange}
        aria-label={t('meetingKinds.changeNamed', { name })}
        data-testid="change-meeting-kind"
      >
        {t('meetingKinds.change')}
      </Button>
      {kind.retired ? (
        <Button
          size="compact-sm"
          variant="light"
          color="teal"
          onClick={onRestore}
          aria-label={t('meetingKinds.restoreNamed', { name })}
          data-testid="restore-meeting-kind"
        >
          {t('meetingKinds.restore')}
        </Button>
      ) : (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={onRetire}
          aria-label={t('meetingKinds.retireNamed', { name })}
          data-testid="retire-meeting-kind"
        >
          {t('meetingKinds.retire')}
        </Button>
      )}
      <ActionIcon
        variant="default"
        size="md"
        disabled={first}
        data-move="up"
        data-testid="move-kind-up"
        aria-label={t('meetingKinds.moveUp', { name })}
        title={t('meetingKinds.moveUp', { name })}
        onClick={() => onMove('up')}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="default"
        size="md"
        disabled={last}
        data-move="down"
        data-testid="move-kind-down"
        aria-label={t('meetingKinds.moveDown', { name })}
        title={t('meetingKinds.moveDown', { name })}
        onClick={() => onMove('down')}
      >
        ↓
      </ActionIcon>
    </Group>
  );
}
