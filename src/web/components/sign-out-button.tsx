/**
 * The header's sign-out. Signing out deletes the device's offline data, outbox included; when operations
 * in it could not be synced first, a dialog says how many would be lost and keeps the secretary signed in
 * unless they choose otherwise (the focused, default action).
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignOut } from '../api/session.ts';

export function SignOutButton() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const [unsynced, setUnsynced] = useState(0);
  const close = () => setUnsynced(0);
  const go = (discard: boolean) => signOut.mutate({ discard }, { onSuccess: (r) => setUnsynced(r.signedOut ? 0 : r.unsynced) });

  return (
    <>
      <Button variant="default" size="compact-sm" data-testid="sign-out" loading={signOut.isPending} onClick={() => go(false)}>
        {t('account.signOut')}
      </Button>
      <Modal opened={unsynced > 0} onClose={close} title={t('account.unsyncedTitle')} data-testid="sign-out-unsynced">
        <Stack>
          <Text data-testid="sign-out-unsynced-count">{t('account.unsyncedLost', { count: unsynced })}</Text>
          <Text size="sm">
            <Link to="/offline" onClick={close}>
              {t('account.unsyncedReview')}
            </Link>
          </Text>
          <Group justify="flex-end">
            <Button color="red" variant="outline" data-testid="sign-out-discard" loading={signOut.isPending} onClick={() => go(true)}>
              {t('account.unsyncedDiscard')}
            </Button>
            <Button data-autofocus data-testid="sign-out-stay" onClick={close}>
              {t('account.staySignedIn')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
