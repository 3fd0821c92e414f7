import { expect, test } from '@playwright/test';

test('the engine starts in the worker under the production CSP', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  expect(violations).toEqual([]);
});
