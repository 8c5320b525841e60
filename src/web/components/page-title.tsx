/** The browser tab's title, "<page> · Cellwork", in the user's language. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the title while the calling page is shown; null or empty leaves the title as it is. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    if (title) document.title = `${title} · ${app}`;
  }, [title, app]);
}

/**
 * A route's title by its kind of page. Rendered before the page as a sibling, so its effect runs first
 * and a page that knows a better title (a unit's or a meeting's name) sets it after.
 */
export function PageTitle({ page }: { page: string }) {
  const { t } = useTranslation();
  usePageTitle(t(`pageTitle.${page}`));
  return null;
}
