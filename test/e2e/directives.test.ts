/**
 * Directives in a browser: the district official drafts a directive to their district with the unit
 * picker and publishes it; the member finds it unread in their inbox and acknowledges it; the
 * official's reach page then counts one more acknowledgment. The draft is edited once, with a
 * re-briefing schedule set through the form (and read back through the API). A file attached to the
 * draft reaches the member.
 * CELLWORK_E2E_BASE_URL: use a running server (written to). CELLWORK_E2E_SCREENSHOTS=<dir>: screenshots.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousFindings } from './axe.ts';
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer({ jobs: true });
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** Types into the focused element: a string as text, [key] as one key press. */
async function typeKeys(page: Page, steps: Array<string | [string]>): Promise<void> {
  for (const step of steps) await (typeof step === 'string' ? page.keyboard.type(step) : page.keyboard.press(step[0]));
}

describe('a directive from publication to acknowledgment', () => {
  it('official publishes, member acknowledges in the inbox, the reach moves', async () => {
    const options = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
    const officialContext = await e2e.browser.newContext(options);
    const official = await officialContext.newPage();
    await signIn(official, e2e.baseUrl, 'district@demo');
    const me = await (await official.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
    const district = me.roots[0] as { id: number; name: string };
    let title = `Harvest directive ${Date.now()}`;

    await official.getByRole('link', { name: 'Directives', exact: true }).click();
    await official.getByTestId('directive-new').click();
    await official.getByTestId('directive-title').fill(title);
    await official.getByTestId('directive-body').click();
    await official.keyboard.type('Every member to the fields on Saturday.');
    await official.keyboard.press('Enter');
    await official.keyboard.type('Bring your own tools.');
    await official.getByTestId('directive-target').fill(district.name);
    await official
      .getByRole('option', { name: new RegExp(district.name) })
      .first()
      .click();
    await official.getByTestId('directive-target-chip').waitFor();
    await official.getByRole('button', { name: 'Save draft' }).click();
    // The draft can still be changed before it goes out: a new title, and a re-briefing schedule.
    await official.getByTestId('directive-edit').click();
    // The editor opens on the draft's text.
    await expect
      .poll(() => official.getByTestId('directive-body').locator('p').allTextContents())
      .toEqual(['Every member to the fields on Saturday.', 'Bring your own tools.']);
    await official.getByTestId('directive-title').fill(`${title}!`);
    await official.getByRole('switch', { name: 'Brief again on a schedule' }).check();
    await official.getByTestId('directive-rebrief-months').fill('2');
    await official.getByTestId('directive-rebrief-times').fill('3');
    await official.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => official.getByTestId('directive-heading').textContent()).toBe(`${title}!`);
    await official.getByTestId('directive-title').waitFor({ state: 'detached' });
    const directiveId = Number(/\/directives\/(\d+)/.exec(official.url())?.[1]);
    const saved = await (await official.request.get(`${e2e.baseUrl}/api/v1/directives/${directiveId}`)).json();
    expect(saved.rebrief).toEqual({ everyMonths: 2, times: 3 });
    await official.getByText('briefed again every 2 months, 3 more times').waitFor();
    title = `${title}!`;
    // A file attached to the draft; a page that is not an allowed type is refused with the reason shown.
    const attachments = official.getByTestId('directive-attachments');
    const fileInput = attachments.locator('input[type=file]');
    await fileInput.setInputFiles({ name: 'map.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => attachments.getByTestId('directive-attachment').count()).toBe(1);
    await fileInput.setInputFiles({
      name: 'page.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    await expect.poll(() => attachments.getByRole('alert').textContent()).toContain('Only PDF, PNG, JPEG and plain text');
    expect(await attachments.getByTestId('directive-attachment').count()).toBe(1);
    await shot(official, 'directive-attachments');
    await official.getByTestId('directive-publish').click();
    await expect.poll(() => official.getByTestId('directive-status').first().textContent(), { timeout: 20_000 }).toBe('Published');
    // The fan-out runs in the background; the reach page follows it.
    const members = official.getByTestId('reach-members');
    await expect.poll(async () => Number(await members.textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => official.getByText('Deliveries are being written').count(), { timeout: 60_000 }).toBe(0);
    const before = Number(await official.getByTestId('reach-acknowledged').textContent());
    await shot(official, 'directive-reach-before');

    const memberContext = await e2e.browser.newContext(options);
    const member = await memberContext.newPage();
    await signIn(member, e2e.baseUrl, 'member@demo');
    await member.getByRole('link', { name: 'My directives' }).click();
    const item = member.getByTestId('inbox-item').filter({ hasText: title });
    await expect.poll(() => item.getAttribute('data-unread')).toBe('true');
    await expect.poll(() => member.getByTestId('inbox-item').first().textContent()).toContain(title);
    await item.getByRole('link', { name: title }).click();
    expect(await member.getByTestId('directive-body-text').textContent()).toContain('Bring your own tools.');
    // The member downloads the attachment: the same bytes.
    const link = member.getByTestId('directive-attachment').getByRole('link', { name: 'map.png' });
    const download = await member.request.get(`${e2e.baseUrl}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(Buffer.compare(await download.body(), PNG)).toBe(0);
    await member.getByTestId('acknowledge').click();
    await member.getByTestId('acknowledged-at').waitFor();
    await shot(member, 'directive-acknowledged');

    await official.reload();
    await expect
      .poll(async () => Number(await official.getByTestId('reach-acknowledged').textContent()), { timeout: 20_000 })
      .toBe(before + 1);
    await shot(official, 'directive-reach-after');
    await officialContext.close();
    await memberContext.close();
  }, 300_000);

  it('an administrator formats a body with the editor on a phone; the directive page shows it formatted', async () => {
    const context = await e2e.browser.newContext({
      locale: 'en-US',
      timezoneId: 'UTC',
      viewport: { width: 390, height: 844 },
      bypassCSP: true,
    });
    try {
      const page = await context.newPage();
      await signIn(page, e2e.baseUrl, 'admin@demo');
      const me = await (await page.request.get(`${e2e.baseUrl}/api/v1/me`)).json();
      const centre = me.roots[0] as { id: number; name: string };
      await page.goto(`${e2e.baseUrl}/directives`);
      await page.getByTestId('directive-new').click();
      const title = `Formatted directive ${Date.now()}`;
      await page.getByTestId('directive-title').fill(title);
      const editor = page.getByTestId('directive-body');
      await editor.click();
      // Bold by its shortcut, a list by typing "- ", a link on selected words by Ctrl+K (the toolbar's link editor).
      await typeKeys(page, [
        ...['Every member to the fields on ', ['Control+b'], 'Saturday', ['Control+b'], ['Enter']],
        ...['- Spades', ['Enter'], 'Water', ['Enter'], ['Enter'], 'Read the plan first.', ['Home']],
        ...Array(5).fill(['ArrowRight']),
        ...Array(8).fill(['Shift+ArrowRight']),
        ['Control+k'],
      ]);
      // An address typed without a scheme is taken as https.
      await page.getByRole('textbox', { name: 'Link address' }).fill('example.org/plan');
      await page.keyboard.press('Enter');
      await expect.poll(() => editor.locator('a').getAttribute('href')).toBe('https://example.org/plan');
      // Esc in the link editor closes it, not the form. (The caret goes back into the link first: a key
      // goes where the focus is, and on a loaded machine the link editor's closing can still hold it.)
      await editor.locator('a').click();
      await page.keyboard.press('Control+k');
      const address = page.getByRole('textbox', { name: 'Link address' });
      await expect.poll(() => address.inputValue()).toBe('https://example.org/plan');
      // The key goes where the focus is: wait until the link editor's field has it (a loaded machine lags).
      await expect.poll(() => address.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Escape');
      await address.waitFor({ state: 'hidden' });
      expect(await page.getByRole('dialog').isVisible()).toBe(true);
      // The toolbar: every control named, all within a phone's width; the form does not scroll sideways.
      const toolbar = page.getByRole('group', { name: 'Formatting' });
      for (const name of [
        'Bold',
        'Italic',
        'Heading',
        'Subheading',
        'Bulleted list',
        'Numbered list',
        'Quotation',
        'Link',
        'Remove link',
        'Undo',
        'Redo',
      ]) {
        const box = await toolbar.getByRole('button', { name, exact: true }).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390, `${name} in view`).toBe(true);
      }
      await shot(page, 'directive-editor-phone');
      const dialog = page.getByRole('dialog');
      expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBeLessThanOrEqual(0);
      const area = await editor.boundingBox();
      expect(area && area.x >= 0 && area.x + area.width <= 390).toBe(true);
      expect(await seriousFindings(page)).toEqual([]);

      await page.getByTestId('directive-target').fill(centre.name);
      await page
        .getByRole('option', { name: new RegExp(centre.name) })
        .first()
        .click();
      await page.getByTestId('directive-target-chip').waitFor();
      const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/directives');
      await page.getByRole('button', { name: 'Save draft' }).click();
      const sent = (await posted).postDataJSON().body as string;
      expect(sent).toContain('<strong>Saturday</strong>');
      const shown = page.getByTestId('directive-body-text');
      await shown.waitFor();
      expect(await shown.locator('strong').allTextContents()).toEqual(['Saturday']);
      expect(await shown.locator('li').allTextContents()).toEqual(['Spades', 'Water']);
      expect(await shown.getByRole('link', { name: 'the plan' }).getAttribute('href')).toBe('https://example.org/plan');
      expect(await shown.getByRole('link', { name: 'the plan' }).getAttribute('rel')).toBe('noopener noreferrer');
      // The editor's HTML went through the server's sanitiser unchanged.
      const id = Number(/\/directives\/(\d+)/.exec(page.url())?.[1]);
      expect((await (await page.request.get(`${e2e.baseUrl}/api/v1/directives/${id}`)).json()).body).toBe(sent);
      await shot(page, 'directive-formatted-phone');

      // In Korean the toolbar speaks Korean, after a full reload of the page too (the editor once stayed
      // on its loading placeholder there: useEditor had handed back an instance it had destroyed).
      await page.getByText('한국어', { exact: true }).click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ko');
      await page.reload();
      await page.getByTestId('directive-edit').click();
      await page.getByRole('dialog').waitFor();
      await shot(page, 'directive-editor-ko');
      await page.getByRole('group', { name: '서식' }).getByRole('button', { name: '굵게', exact: true }).waitFor();
      expect(await page.getByTestId('directive-body').locator('strong').textContent()).toBe('Saturday');
    } finally {
      await context.close();
    }
  }, 180_000);
});
