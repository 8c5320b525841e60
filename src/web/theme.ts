/**
 * The look of the app, set so that it meets WCAG 2.2 AA contrast wherever Mantine's defaults do not.
 *
 * Colour rules for every page (the axe check in test/e2e/accessibility.test.ts enforces them):
 * - Text in a colour: `c="<color>"` (shade 8 here) or `c="<color>.7"` and darker; never `.5`/`.6`.
 * - Secondary text: `c="dimmed"` (gray 7 here), never `c="gray"` or `c="gray.6"`.
 * - Badges and alerts: the `light` and `filled` variants pass for every colour below; `outline` and
 *   `dot` badges need a colour of shade 8 or darker.
 * - Shade 6 and lighter are for lines, bars and backgrounds, never for text.
 */
import { createTheme, Loader, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * System UI fonts first (they cover Latin and, on most phones and desktops, Hangul), then the Korean
 * system fonts, then Nanum Gothic, shipped with the app: the browser downloads a piece of it only when
 * a character on the page is found in none of the fonts before it.
 */
export const FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Apple SD Gothic Neo"',
  '"Malgun Gothic"',
  '"Noto Sans KR"',
  '"Noto Sans CJK KR"',
  '"Nanum Gothic"',
  'sans-serif',
].join(', ');

/**
 * Mantine's palettes with shades 7-9 darkened where they fell short: 7 and 8 give at least 4.5:1 on
 * white (text, and white text on filled buttons and badges), 9 at least 4.5:1 on shades 1 and 2 (the
 * text of light badges and alerts). Shades 0-6 are Mantine's.
 */
const colors: Record<string, MantineColorsTuple> = {
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#fa5252', '#d83838', '#ce2d2d', '#af2525'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#228be6', '#1a76c9', '#186ebc', '#165b9c'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#15aabf', '#0d8091', '#0b7688', '#0a697a'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0a8560', '#087c58', '#077050'],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#29853a', '#257b35', '#237133'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#82c91e', '#51810f', '#49790b', '#48730a'],
  yellow: ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#fab005', '#a26900', '#9e5c00', '#a35400'],
  orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#c35106', '#ba470a', '#ab390c'],
};

const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  colors,
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK },
  components: {
    // A spinner is announced as a status, which is also what lets it carry its aria-label ("Loading").
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});

export { cssVariablesResolver };
