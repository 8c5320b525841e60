/**
 * Renders its children one frame after mounting. A navigation then commits the page's frame (title,
 * toolbar, tabs) at once, and the heavier dashboard (charts, grids) follows in its own update.
 */
import { Center, Loader } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function AfterPaint({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => setReady(true));
    return () => cancelAnimationFrame(id);
  }, []);
  return ready ? (
    children
  ) : (
    <Center p="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
