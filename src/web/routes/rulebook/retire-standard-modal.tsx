/** Retiring a standard from a month on: later months stop judging cells by it, earlier ones keep it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../../shared/schemas/compliance.ts';
import { useSaveStandard } from '../../api/compliance.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { currentPeriod, shiftPeriod } from '../../lib/period.ts';
import { standardTitle } from '../../lib/standards.ts';
import { AppliesFromSelect, ValidityNote } from './applies-from.tsx';
import type { StandardBody } from './standard-form.ts';
import { versionsReplaced, type StandardKind } from './standard-rules.ts';

export function RetireStandardModal({ standard, standards, onClose }: { standard: Standard; standards: Standard[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const save = useSaveStandard();
  const own = standard.validFrom.slice(0, 7);
  const next = shiftPeriod(currentPeriod(), 1);
  const [from, setFrom] = useState(own > next ? own : next);

  const submit = () => {
    // The API takes a whole version even to retire; the one being retired is sent back as it is.
    const body: StandardBody = {
      code: standard.code,
      kind: standard.kind as StandardKind,
      params: standard.params,
      titleEn: standard.titleEn,
      titleKo: standard.titleKo,
      scopeUnitId: standard.scopeUnitId,
      scopeSector: standard.scopeSector as StandardBody['scopeSector'],
      validFrom: `${from}-01`,
      retire: true,
    };
    save.mutate(body, { onSuccess: onClose });
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('rulebook.retireForm.title', { title: standardTitle(standard, i18n.language) })}
      onSubmit={submit}
      submitLabel={t('rulebook.retireForm.submit')}
      pending={save.isPending}
      error={save.error}
    >
      <AppliesFromSelect label={t('rulebook.retireForm.from')} value={from} onChange={setFrom} />
      <ValidityNote from={from} replaced={versionsReplaced(standards, standard.code, from)} retire />
    </FormModal>
  );
}
