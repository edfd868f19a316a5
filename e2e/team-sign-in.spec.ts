/**
 * Team mode in the browser, on the simulator (`main.ts --demo --team --test-controls`, project "team" of
 * playwright.config.ts): sign-in, rights from Keystone roles, the audit log naming each person, sign-out,
 * an expired session, and the sign-in rate limit.
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_IDS } from '../src/sim/scenarios';

const APP = { 'X-Glance-Lineage': '1' };

test.beforeEach(async ({ request }) => {
  expect((await request.post('/api/_sim/reset', { headers: APP, data: { scenario: 'demo' } })).ok()).toBe(
    true,
  );
  expect((await request.post('/api/_sim/team/reset-rate-limits', { headers: APP })).ok()).toBe(true);
});

async function signIn(page: Page, user: string, password = `${user}-secret`): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Glance Lineage' })).toBeVisible();
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signedInPage(browser: Browser, user: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  await expect(page.getByRole('button', { name: `Sign out ${user}` })).toBeVisible();
  return page;
}

/** Creates a private, active image as the page's person, through the proxy with their session cookie. */
async function createImage(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.post('/api/image/v2/images', {
    headers: APP,
    data: { name, disk_format: 'qcow2', container_format: 'bare' },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = ((await res.json()) as { id: string }).id;
  // With its data uploaded the image becomes active, and so deletable from the app.
  const upload = await request.put(`/api/image/v2/images/${id}/file`, {
    headers: { ...APP, 'content-type': 'application/octet-stream' },
    data: Buffer.alloc(1024, 1),
  });
  expect(upload.status()).toBe(204);
  return id;
}

async function deleteInUi(page: Page, id: string, name: string): Promise<void> {
  await page.goto(`/?selected=${id}`);
  const actions = page.getByRole('complementary', { name: 'Actions' });
  await actions.getByRole('button', { name: 'Delete…' }).click();
  const confirm = actions.getByLabel('Type the image name to confirm');
  if (await confirm.isVisible()) await confirm.fill(name);
  await actions.getByRole('button', { name: 'Delete this image' }).click();
  await expect(actions).toBeHidden();
}

test('opens on the sign-in page and refuses a wrong password without saying which field was wrong', async ({
  page,
}) => {
  await signIn(page, 'demo', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText(
    'Sign-in failed: the user name, password, domain or project is not right.',
  );
  await signIn(page, 'nobody', 'demo-secret');
  await expect(page.getByRole('alert')).toHaveText(
    'Sign-in failed: the user name, password, domain or project is not right.',
  );
  const cookies = await page.context().cookies();
  expect(cookies.filter((c) => c.name === 'glance_lineage_session')).toEqual([]);
});

test('a member signs in, deletes an image, and the audit log names them', async ({ browser }) => {
  const page = await signedInPage(browser, 'demo');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'glance_lineage_session')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false });
  await expect(
    page
      .getByRole('definition')
      .filter({ hasText: /^demo$/ })
      .first(),
  ).toBeVisible();

  const id = await createImage(page.request, 'team-e2e-member');
  await deleteInUi(page, id, 'team-e2e-member');
  await page.goto('/?view=audit');
  const row = page
    .getByRole('table', { name: 'Audit entries' })
    .getByRole('row')
    .filter({ hasText: id })
    .filter({ hasText: 'image.delete' });
  await expect(row).toContainText('demo');
  await page.context().close();
});

test('a reader sees the read-only experience, and the proxy refuses their changes anyway', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'auditor');
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  await page.goto(`/?selected=${DEMO_IDS.debian12}`);
  const actions = page.getByRole('complementary', { name: 'Actions' });
  await expect(actions.getByRole('note')).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Delete…' })).toBeDisabled();

  const res = await page.request.delete(`/api/image/v2/images/${DEMO_IDS.debian12}`, { headers: APP });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ code: 'read_only' });
  await page.context().close();
});

test('two people signed in at once see their own projects and their own names in the audit log', async ({
  browser,
}) => {
  const [demo, alt] = await Promise.all([signedInPage(browser, 'demo'), signedInPage(browser, 'alt')]);
  await expect(demo.getByLabel('Session')).toContainText(/Project\s*demo\s*User\s*demo/);
  await expect(alt.getByLabel('Session')).toContainText(/Project\s*alt\s*User\s*alt/);

  const [a, b] = await Promise.all([
    createImage(demo.request, 'team-e2e-demo'),
    createImage(alt.request, 'team-e2e-alt'),
  ]);
  await deleteInUi(demo, a, 'team-e2e-demo');
  await deleteInUi(alt, b, 'team-e2e-alt');

  await demo.goto('/?view=audit');
  const rows = demo.getByRole('table', { name: 'Audit entries' }).getByRole('row');
  await expect(rows.filter({ hasText: a }).filter({ hasText: 'image.delete' })).toContainText('demo');
  await expect(rows.filter({ hasText: b }).filter({ hasText: 'image.delete' })).toContainText('alt');
  await demo.context().close();
  await alt.context().close();
});

test('sign-out revokes the session: back to the sign-in page, and the old cookie opens nothing', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'demo');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'glance_lineage_session')!;
  await page.getByRole('button', { name: 'Sign out demo' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Glance Lineage' })).toBeVisible();

  const thief = await browser.newContext();
  await thief.addCookies([{ ...cookie }]);
  const res = await thief.request.get('/api/session');
  expect(res.status()).toBe(401);
  await thief.close();
  await page.context().close();
});

test('an expired token ends the session: the app goes back to the sign-in page and says why', async ({
  browser,
  request,
}) => {
  const page = await signedInPage(browser, 'demo');
  expect((await request.post('/api/_sim/expire-tokens', { headers: APP })).ok()).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Glance Lineage' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Your session has ended');
  await signIn(page, 'demo');
  await expect(page.getByRole('button', { name: 'Sign out demo' })).toBeVisible();
  await page.context().close();
});

test('failed sign-ins are rate-limited: the sixth try in a row is refused with a wait', async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, 'alt', 'wrong');
    await expect(page.getByRole('alert')).toContainText('Sign-in failed');
  }
  await signIn(page, 'alt');
  await expect(page.getByRole('alert')).toContainText('Too many failed sign-ins');
});

test("the project switcher lists the person's projects and re-scopes the session", async ({ browser }) => {
  const page = await signedInPage(browser, 'admin');
  await expect(page.getByLabel('Session')).toContainText(/Project\s*admin/);
  const switcher = page.getByRole('combobox', { name: 'Switch project' });
  await expect(switcher.getByRole('option')).toHaveText(['admin', 'demo']);
  await switcher.selectOption({ label: 'demo' });
  await expect(page.getByLabel('Session')).toContainText(/Project\s*demo\s*User\s*admin\s*Roles\s*member/);
  await page.context().close();
});
