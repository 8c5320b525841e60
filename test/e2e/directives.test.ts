/**
 * Directives in a browser: the district official drafts a directive to their district with the unit
 * picker and publishes it; the member finds it unread in their inbox and acknowledges it; the
 * official's reach page then counts one more acknowledgment. The draft is edited once, with a
 * re-briefing schedule set through the form (and read back through the API). A file attached to the
 * draft reaches the member.
 * CELLWORK_E2E_BASE_URL: use a running server (written to). CELLWORK_E2E_SCREENSHOTS=<dir>: screenshots.
 */
import { describe, expect, it } from 'vitest';
import { shot, signIn, useBrowserAndServer } from './setup.ts';

const e2e = useBrowserAndServer({ jobs: true });
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

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
    await official.getByTestId('directive-body').fill('Every member to the fields on Saturday.\n\nBring your own tools.');
    await official.getByTestId('directive-target').fill(district.name);
    await official
      .getByRole('option', { name: new RegExp(district.name) })
      .first()
      .click();
    await official.getByTestId('directive-target-chip').waitFor();
    await official.getByRole('button', { name: 'Save draft' }).click();
    // The draft can still be changed before it goes out: a new title, and a re-briefing schedule.
    await official.getByTestId('directive-edit').click();
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
});
