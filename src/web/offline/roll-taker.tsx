/**
 * Taking the whole roll by keyboard: each member is one row; p, e and a mark present, excused or absent
 * and move to the next row; arrows and Enter move between rows. A reason field shows for an excused or
 * absent member. Used offline and by the paper sheet's fast entry screen (the rows in the sheet's order).
 */
import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, RollRecord } from './db.ts';

export type RollMarks = Record<number, { status: AttendanceStatus | null; reason: string }>;
export interface RollMember {
  personId: number;
  name: string;
}

const KEYS: Record<string, AttendanceStatus> = { p: 'present', e: 'excused', a: 'absent' };
const STATUSES: AttendanceStatus[] = ['present', 'excused', 'absent'];
const COLORS: Record<AttendanceStatus, string> = { present: 'green', excused: 'yellow', absent: 'red' };

/** The marks as the API takes them; null when someone is still unmarked (the whole roll is required). */
export function marksToRecords(roll: RollMember[], marks: RollMarks): RollRecord[] | null {
  const records: RollRecord[] = [];
  for (const m of roll) {
    const mark = marks[m.personId];
    if (!mark?.status) return null;
    const reason = mark.reason.trim();
    records.push({ personId: m.personId, status: mark.status, ...(reason && mark.status !== 'present' ? { reason } : {}) });
  }
  return records;
}

export function RollTaker({
  roll,
  marks,
  onChange,
  onEnd,
}: {
  roll: RollMember[];
  marks: RollMarks;
  onChange: (next: RollMarks) => void;
  /** Moving down past the last member (e.g. to the save button). */
  onEnd?: () => void;
}) {
  const { t } = useTranslation();
  const rows = useRef<(HTMLDivElement | null)[]>([]);
  const focusRow = (i: number) => {
    if (i >= roll.length && onEnd) return onEnd();
    rows.current[Math.max(0, Math.min(roll.length - 1, i))]?.focus();
  };
  const set = (personId: number, status: AttendanceStatus) =>
    onChange({ ...marks, [personId]: { status, reason: marks[personId]?.reason ?? '' } });
  const onKey = (e: KeyboardEvent<HTMLDivElement>, i: number, personId: number) => {
    // Keys typed into the reason field are text, not marks.
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    const status = KEYS[e.key.toLowerCase()];
    if (status) {
      e.preventDefault();
      set(personId, status);
      if (status === 'present') focusRow(i + 1);
    } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      focusRow(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(i - 1);
    }
  };
  const counts = STATUSES.map((s) => roll.filter((m) => marks[m.personId]?.status === s).length);
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed" id="roll-keys-help">
        {t('offline.rollKeys')}
      </Text>
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="light"
          data-testid="roll-all-present"
          onClick={() => onChange(Object.fromEntries(roll.map((m) => [m.personId, { status: 'present', reason: '' }])))}
        >
          {t('attendance.allPresent')}
        </Button>
        <Text size="sm" data-testid="roll-counts" aria-live="polite">
          {t('attendance.counts', { present: counts[0], excused: counts[1], absent: counts[2] })}
        </Text>
      </Group>
      {roll.map((m, i) => {
        const mark = marks[m.personId];
        return (
          <div
            key={m.personId}
            ref={(el) => {
              rows.current[i] = el;
            }}
            role="radiogroup"
            tabIndex={0}
            aria-label={m.name}
            aria-describedby="roll-keys-help"
            data-testid="roll-row"
            data-person-id={m.personId}
            data-status={mark?.status ?? ''}
            className="cw-roll-row"
            onKeyDown={(e) => onKey(e, i, m.personId)}
            style={{ padding: 4, borderRadius: 4 }}
          >
            <Group gap="xs" wrap="wrap">
              <Text size="sm" w={180} truncate>
                {m.name}
              </Text>
              {STATUSES.map((s) => (
                <Badge
                  key={s}
                  component="button"
                  type="button"
                  role="radio"
                  aria-checked={mark?.status === s}
                  tabIndex={-1}
                  color={COLORS[s]}
                  variant={mark?.status === s ? 'filled' : 'outline'}
                  style={{ cursor: 'pointer' }}
                  onClick={() => set(m.personId, s)}
                >
                  {t(`attendance.${s}`)}
                </Badge>
              ))}
              {mark?.status && mark.status !== 'present' && (
                <TextInput
                  size="xs"
                  aria-label={t('attendance.reasonFor', { name: m.name })}
                  placeholder={t('attendance.reasonPlaceholder')}
                  value={mark.reason}
                  maxLength={500}
                  data-testid="roll-reason"
                  onChange={(e) => onChange({ ...marks, [m.personId]: { status: mark.status, reason: e.currentTarget.value } })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      focusRow(i + 1);
                    }
                  }}
                />
              )}
            </Group>
          </div>
        );
      })}
    </Stack>
  );
}
