/** A nomination on its own page: where the official lands from the home page to decide. */
import { Stack } from '@mantine/core';
import { useParams } from 'react-router-dom';
import { NominationView } from './nomination-view.tsx';

export function NominationPage() {
  const id = Number(useParams().id);
  return <Stack>{Number.isInteger(id) && id > 0 && <NominationView id={id} />}</Stack>;
}
