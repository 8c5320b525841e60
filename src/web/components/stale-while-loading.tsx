/**
 * While another month's figures load, the last ones stay on screen (keepPreviousData) so the page
 * does not jump; they are dimmed, marked busy and not clickable, so nobody reads last month's
 * figures under this month's name.
 */
import { Box, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function StaleWhileLoading({ stale, children }: { stale: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box
      pos="relative"
      aria-busy={stale || undefined}
      data-stale={stale || undefined}
      style={stale ? { opacity: 0.4, pointerEvents: 'none', transition: 'opacity 150ms' } : undefined}
    >
      {stale && <Loader size="sm" pos="absolute" top={8} right={8} style={{ zIndex: 1 }} aria-label={t('common.loading')} />}
      {children}
    </Box>
  );
}
