/**
 * One member on the roll: three status buttons and, for excused or absent, a reason. The row itself is
 * the tab stop; with it focused P / E / A set the status, ← → step through them, ↑ ↓ move to the
 * neighbouring row. The buttons stay clickable but out of the tab order, so Tab walks the roll row by row.
 * The row wraps instead of scrolling: on a phone the name, the three buttons (each at least 44 px high
 * and a third of the width) and the reason each take a line.
 */
import { Badge, Button, Group, Text, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, RollEntry } from '../../../shared/schemas/meetings.ts';
import { RoleBadge } from '../../components/badges.tsx';

export const STATUSES: AttendanceStatus[] = ['present', 'excused', 'absent'];
export const STATUS_COLORS: Record<AttendanceStatus, string> = { present: 'green', excused: 'yellow', absent: 'red' };
/** Physical keys, so the shortcuts work whatever the keyboard layout (a Korean IME included). */
const KEY_CODES: Record<string, AttendanceStatus> = { KeyP: 'present', KeyE: 'excused', KeyA: 'absent' };
/** The smallest comfortable touch target (WCAG 2.5.5, platform guidelines). */
const TOUCH = 44;

export interface RowState {
  status: AttendanceStatus;
  reason: string;
}

interface RollRowProps {
  index: number;
  entry: RollEntry;
  value: RowState;
  onChange: (next: RowState) => void;
  onMove: (delta: number) => void;
  onSave: () => void;
}

function RowName({ index, entry }: { index: number; entry: RollEntry }) {
  return (
    <Group gap={8} wrap="nowrap" className="roll-name">
      <Text size="sm" c="dimmed" w={24} ta="right">
        {index + 1}
      </Text>
      <Text size="sm" fw={500} data-testid="roll-name">
        {entry.fullName}
      </Text>
      {entry.role !== 'member' && <RoleBadge role={entry.role} />}
    </Group>
  );
}

export function RollRow({ index, entry, value, onChange, onMove, onSave }: RollRowProps) {
  const { t } = useTranslation();
  const setStatus = (status: AttendanceStatus) => onChange({ ...value, status });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      onSave();
      return;
    }
    if (e.target !== e.currentTarget) return; // typing a reason is not a shortcut
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const byKey = KEY_CODES[e.code];
    const at = STATUSES.indexOf(value.status);
    if (byKey) {
      e.preventDefault();
      setStatus(byKey);
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      setStatus(STATUSES[(at + 1) % 3]!);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      setStatus(STATUSES[(at + 2) % 3]!);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      onMove(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      onMove(-1);
    }
  };

  return (
    <div
      data-testid="roll-row"
      data-person-id={entry.personId}
      data-status={value.status}
      tabIndex={0}
      role="group"
      onKeyDown={onKeyDown}
      aria-label={t('attendance.rowLabel', { name: entry.fullName, status: t(`attendance.${value.status}`) })}
      className="roll-row"
    >
      <RowName index={index} entry={entry} />
      <div role="radiogroup" aria-label={t('attendance.statusOf', { name: entry.fullName })} className="roll-statuses">
        {STATUSES.map((s) => (
          <Button
            key={s}
            size="sm"
            h={TOUCH}
            px="xs"
            tabIndex={-1}
            role="radio"
            aria-checked={value.status === s}
            data-testid={`status-${s}`}
            data-active={value.status === s || undefined}
            color={STATUS_COLORS[s]}
            variant={value.status === s ? 'filled' : 'default'}
            onClick={() => setStatus(s)}
          >
            {t(`attendance.${s}`)}
          </Button>
        ))}
      </div>
      {value.status !== 'present' && (
        <TextInput
          className="roll-reason"
          placeholder={t('attendance.reasonPlaceholder')}
          aria-label={t('attendance.reasonFor', { name: entry.fullName })}
          value={value.reason}
          maxLength={500}
          data-testid="reason"
          styles={{ input: { minHeight: TOUCH } }}
          onChange={(e) => onChange({ ...value, reason: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.currentTarget.closest('.roll-row') as HTMLElement | null)?.focus();
          }}
        />
      )}
    </div>
  );
}

/** Read-only: the status as coloured text (a light badge of the same colour), the reason when shared. */
export function ReadOnlyRollRow({ index, entry }: { index: number; entry: RollEntry }) {
  const { t } = useTranslation();
  return (
    <div data-testid="roll-row" data-person-id={entry.personId} data-status={entry.status ?? ''} className="roll-row">
      <RowName index={index} entry={entry} />
      <div className="roll-statuses">
        {entry.status ? (
          <Badge size="lg" variant="light" color={STATUS_COLORS[entry.status]} data-testid="status-text">
            {t(`attendance.${entry.status}`)}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed" data-testid="status-text">
            {t('attendanceView.notRecorded')}
          </Text>
        )}
      </div>
      {entry.reason && (
        <Text size="sm" className="roll-reason" data-testid="reason-text">
          {entry.reason}
        </Text>
      )}
    </div>
  );
}
