import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../lib/validate.ts';

/** The editable fields of a person, as strings; toPersonInput turns them into the schema's shape. */
export interface PersonFormValues {
  fullName: string;
  memberNo: string;
  email: string;
  phone: string;
  birthYear: string;
  workplace: string;
  joinedOn: string;
}

export const EMPTY_PERSON: PersonFormValues = {
  fullName: '',
  memberNo: '',
  email: '',
  phone: '',
  birthYear: '',
  workplace: '',
  joinedOn: '',
};

/** Blank means null (cleared); a non-number birth year is passed through so the schema rejects it. */
export function toPersonInput(v: PersonFormValues): Record<string, unknown> {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const year = v.birthYear.trim();
  return {
    fullName: v.fullName,
    memberNo: orNull(v.memberNo),
    email: orNull(v.email),
    phone: orNull(v.phone),
    birthYear: year === '' ? null : /^\d+$/.test(year) ? Number(year) : year,
    workplace: orNull(v.workplace),
    joinedOn: orNull(v.joinedOn),
  };
}

export function PersonFields({
  values,
  errors,
  onChange,
}: {
  values: PersonFormValues;
  errors: FieldErrors;
  onChange: (v: PersonFormValues) => void;
}) {
  const { t } = useTranslation();
  const field = (name: keyof PersonFormValues) => ({
    value: values[name],
    error: errors[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...values, [name]: e.currentTarget.value }),
  });
  return (
    <>
      <TextInput label={t('person.fullName')} required data-autofocus {...field('fullName')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('person.memberNo')} {...field('memberNo')} />
        <TextInput label={t('person.birthYear')} inputMode="numeric" {...field('birthYear')} />
        <TextInput label={t('person.email')} type="email" {...field('email')} />
        <TextInput label={t('person.phone')} type="tel" {...field('phone')} />
        <TextInput label={t('person.workplace')} {...field('workplace')} />
        <TextInput label={t('person.joinedOn')} type="date" {...field('joinedOn')} />
      </SimpleGrid>
    </>
  );
}
