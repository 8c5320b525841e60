import { AppShell, Burger, Button, Group, Menu, NavLink, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Me } from '../../shared/schemas/accounts.ts';
import { canReadAudit } from '../routes/audit/audit-words.ts';
import { ChangePasswordModal } from './change-password-modal.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { SignOutButton } from './sign-out-button.tsx';

// Its own chunk: the offline store (Dexie) stays out of the entry script.
const OfflineStatus = lazy(async () => ({ default: (await import('../offline/offline-status.tsx')).OfflineStatus }));

/** Administration shows to anyone who can manage something or holds the admin role. */
export function canAdminister(me: Me): boolean {
  return me.grants.some((g) => g.access === 'manage' || g.role === 'admin');
}

/** The rulebook and the meeting kinds belong to central administrators: an admin grant (the whole tree). */
export function isCentralAdmin(me: Me): boolean {
  return me.grants.some((g) => g.role === 'admin');
}

export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [navOpen, nav] = useDisclosure(false);
  const [pwOpen, pw] = useDisclosure(false);
  const { pathname } = useLocation();
  const firstRoot = me.roots[0] ?? (me.cells[0] ? { id: me.cells[0].id } : null);
  const links = [
    { to: '/', label: t('nav.home'), active: pathname === '/' },
    ...(firstRoot
      ? [
          {
            to: `/units/${firstRoot.id}`,
            label: t('nav.organization'),
            active: pathname.startsWith('/units') || pathname.startsWith('/people'),
          },
        ]
      : []),
    { to: '/library', label: t('nav.library'), active: pathname.startsWith('/library') },
    { to: '/education', label: t('nav.education'), active: pathname.startsWith('/education') },
    ...(me.person ? [{ to: '/inbox', label: t('nav.inbox'), active: pathname.startsWith('/inbox') }] : []),
    // Members give feedback on their secretary on their cell's secretary tab (issue 14).
    ...(me.cells[0] && me.cells[0].role !== 'secretary'
      ? [{ to: `/units/${me.cells[0].id}?tab=secretary`, label: t('nav.mySecretary'), active: false }]
      : []),
    // Integrity cases: every member may report; handlers and notified subjects find their cases there.
    ...(me.person || me.handles.length > 0 ? [{ to: '/cases', label: t('nav.cases'), active: pathname.startsWith('/cases') }] : []),
    ...(me.grants.some((g) => g.role !== 'member')
      ? [{ to: '/directives', label: t('nav.directives'), active: pathname.startsWith('/directives') }]
      : []),
    // Officials plan and report visits to the cells under them (issue 14).
    ...(me.grants.some((g) => g.role === 'official' || g.role === 'admin')
      ? [{ to: '/visits', label: t('nav.visits'), active: pathname.startsWith('/visits') }]
      : []),
    ...(canAdminister(me) ? [{ to: '/admin', label: t('nav.administration'), active: pathname.startsWith('/admin') }] : []),
    ...(canReadAudit(me) ? [{ to: '/audit', label: t('audit.nav'), active: pathname.startsWith('/audit') }] : []),
    ...(isCentralAdmin(me)
      ? [
          { to: '/rulebook', label: t('nav.rulebook'), active: pathname.startsWith('/rulebook') },
          { to: '/meeting-kinds', label: t('nav.meetingKinds'), active: pathname.startsWith('/meeting-kinds') },
          { to: '/secretary-traits', label: t('nav.secretaryTraits'), active: pathname.startsWith('/secretary-traits') },
          { to: '/sending', label: t('nav.sending'), active: pathname.startsWith('/sending') },
        ]
      : []),
  ];

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Title order={1} size="h3">
              <UnstyledButton component={Link} to="/" aria-label={t('app.homeLink')}>
                {t('app.name')}
              </UnstyledButton>
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Suspense fallback={null}>
              <OfflineStatus />
            </Suspense>
            <NotificationBell />
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  data-testid="account-menu"
                  visibleFrom="sm"
                  aria-label={t('account.menu', { login: me.account.login })}
                >
                  <Text size="sm" truncate maw={180}>
                    {me.account.login}
                  </Text>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.person?.fullName ?? me.account.login}</Menu.Label>
                <Menu.Item onClick={pw.open}>{t('account.changePassword')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {links.map((l) => (
          <NavLink
            key={l.to}
            component={Link}
            to={l.to}
            label={l.label}
            active={l.active}
            onClick={nav.close}
            aria-current={l.active ? 'page' : undefined}
          />
        ))}
        {/* On narrow screens the account menu leaves the header; its items live here instead. */}
        <AppShell.Section hiddenFrom="sm" mt="md">
          <Text size="xs" c="dimmed" px="sm">
            {me.account.login}
          </Text>
          <NavLink
            component="button"
            label={t('account.changePassword')}
            onClick={() => {
              nav.close();
              pw.open();
            }}
          />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
      <ChangePasswordModal opened={pwOpen} onClose={pw.close} />
    </AppShell>
  );
}
