/**
 * One member on the roll: three status buttons and, for excused or absent, a reason. The row itself is
 * the tab stop; with it focused P / E / A set the status, ← → step through them, ↑ ↓ move to the
 * neighbouring row. The buttons stay clickable but out of the tab order, so Tab walks the roll row by row.
 */
import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, RollEntry } from '../../api/health-types.ts';
import { RoleBadge } from '../../components/badges.tsx';

export const STATUSES: AttendanceStatus[] = ['present', 'excused', 'absent'];
const COLORS: Record<AttendanceStatus, string> = { present: 'green', excused: 'yellow', absent: 'red' };
/** Physical keys, so the shortcuts work whatever the keyboard layout (a Korean IME included). */
const KEY_CODES: Record<string, AttendanceStatus> = { KeyP: 'present', KeyE: 'excused', KeyA: 'absent' };

export interface RowState { status: AttendanceStatus; reason: string }

interface RollRowProps {
  index: number;
  entry: RollEntry;
  value: RowState;
  disabled: boolean;
  onChange: (next: RowState) => void;
  onMove: (delta: number) => void;
  onSave: () => void;
}

export function RollRow({ index, entry, value, disabled, onChange, onMove, onSave }: RollRowProps) {
  const { t } = useTranslation();
  const setStatus = (status: AttendanceStatus) => !disabled && onChange({ ...value, status });

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); onSave(); return; }
    if (e.target !== e.currentTarget) return; // typing a reason is not a shortcut
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const byKey = KEY_CODES[e.code];
    const at = STATUSES.indexOf(value.status);
    if (byKey) { e.preventDefault(); setStatus(byKey); }
    else if (e.key === 'ArrowRight') { e.preventDefault(); setStatus(STATUSES[(at + 1) % 3]!); }
    else if (e.key === 'ArrowLeft') { e.preventDefault(); setStatus(STATUSES[(at + 2) % 3]!); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); onMove(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); onMove(-1); }
  };

  return (
    <Table.Tr data-testid="roll-row" data-person-id={entry.personId} data-status={value.status} tabIndex={0}
      onKeyDown={onKeyDown} aria-label={t('attendance.rowLabel', { name: entry.fullName, status: t(`attendance.${value.status}`) })}
      style={{ outlineOffset: -2, scrollMarginTop: 150 }} className="roll-row">
      <Table.Td w={36}><Text size="sm" c="dimmed">{index + 1}</Text></Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>{entry.fullName}</Text>
          {entry.role !== 'member' && <RoleBadge role={entry.role} />}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" role="radiogroup" aria-label={t('attendance.statusOf', { name: entry.fullName })}>
          {STATUSES.map((s) => (
            <Button key={s} size="compact-sm" tabIndex={-1} role="radio" aria-checked={value.status === s}
              data-testid={`status-${s}`} data-active={value.status === s || undefined} disabled={disabled}
              color={COLORS[s]} variant={value.status === s ? 'filled' : 'default'} onClick={() => setStatus(s)}>
              {t(`attendance.${s}`)}
            </Button>
          ))}
        </Group>
      </Table.Td>
      <Table.Td miw={180}>
        {value.status !== 'present' && (
          <TextInput size="xs" placeholder={t('attendance.reasonPlaceholder')} aria-label={t('attendance.reasonFor', { name: entry.fullName })}
            value={value.reason} disabled={disabled} maxLength={500} data-testid="reason"
            onChange={(e) => onChange({ ...value, reason: e.currentTarget.value })}
            onKeyDown={(e) => { if (e.key === 'Escape') (e.currentTarget.closest('tr') as HTMLElement | null)?.focus(); }} />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
