import { expect, test } from '@playwright/test';

/**
 * The Datasets page (issue 13): a small CSV uploaded through the form is listed with its shape
 * and class counts; malformed files and a wrong target column are refused beside the field they
 * concern, with the row and column at fault, and nothing is listed; New experiment offers it to a
 * preset, and refuses it beside the field when it does not fit; Remove asks, then removes.
 */
const tag = Date.now().toString(36);
const csv = (text: string, name: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const IRIS = 'petal,sepal,species\n1.4,5.1,setosa\n1.3,4.9,setosa\n4.7,7.0,versicolor\n1.5,5.0,setosa\n4.5,6.4,versicolor\n';

test('uploads a CSV, lists its shape and classes, refuses malformed files by field, removes it', async ({ page }) => {
  await page.goto('/datasets');
  await expect(page.getByRole('heading', { name: 'Datasets' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Upload a dataset' });
  const table = page.getByRole('table', { name: 'Registered datasets' });

  // A non-numeric feature: refused under File, naming the row and column; nothing listed.
  await form.getByLabel('Name').fill(`broken-${tag}`);
  await form.getByLabel('File').setInputFiles(csv('a,b,y\n1,2,x\n4,oops,y\n', 'broken.csv'));
  await form.getByRole('button', { name: 'Upload' }).click();
  const fileField = form.locator('label', { hasText: 'File' });
  await expect(fileField.getByRole('alert')).toContainText("row 3, column 'b': \"oops\" is not a finite number");
  await expect(form.getByLabel('File')).toHaveAttribute('aria-invalid', 'true');

  // A target column the file lacks: refused under the target field.
  await form.getByLabel('Name').fill(`iris-${tag}`);
  await form.getByLabel('File').setInputFiles(csv(IRIS, 'iris.csv'));
  await form.getByLabel('CSV target column').fill('kind');
  await form.getByRole('button', { name: 'Upload' }).click();
  await expect(form.locator('label', { hasText: 'CSV target column' }).getByRole('alert')).toContainText("target column 'kind' not found; the columns are petal, sepal, species");
  await expect(fileField.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('cell', { name: `broken-${tag}` })).toHaveCount(0);

  // The good upload: listed with 5 examples of [2] and the class counts.
  await form.getByLabel('CSV target column').fill('species');
  await form.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status')).toContainText(`registered iris-${tag}: 5 examples of [2], 2 classes`);
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: `iris-${tag}`, exact: true }) });
  await expect(row.getByRole('cell')).toHaveText([`iris-${tag}`, '5', '[2]', 'setosa: 3, versicolor: 2', 'csv · iris.csv', /.+/, /Remove/]);
  // The form is empty again for the next file.
  await expect(form.getByLabel('Name')).toHaveValue('');

  // The same name again: refused under Name.
  await form.getByLabel('Name').fill(`iris-${tag}`);
  await form.getByLabel('File').setInputFiles(csv(IRIS, 'iris.csv'));
  await form.getByRole('button', { name: 'Upload' }).click();
  await expect(form.locator('label', { hasText: 'Name' }).getByRole('alert')).toContainText('already registered; remove it first');

  // New experiment offers it to the presets; a table on train-cnn's CNNs is refused beside Data, with the fix.
  await page.goto('/');
  const opener = page.getByRole('button', { name: 'New experiment' });
  if (await opener.first().isVisible()) await opener.first().click();
  else await page.getByRole('button', { name: /New experiment|custom experiment/i }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New experiment' });
  await dialog.locator('select[name="preset"]').selectOption('train-cnn');
  const data = dialog.locator('select[name="data"]');
  await expect(data.locator('option', { hasText: `iris-${tag}: 5 examples of [2], 2 classes` })).toHaveCount(1);
  await data.selectOption(`dataset:iris-${tag}`);
  await dialog.getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(dialog.locator('label', { hasText: 'Data (the image-classification presets)' }).locator('.field-error')).toContainText(
    `dataset 'iris-${tag}' (examples of shape [2]) does not fit preset 'train-cnn'`,
  );
  await expect(dialog.locator('label', { hasText: 'Data (the image-classification presets)' }).locator('.field-error')).toContainText('register a .zip of one folder of images per class');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.goto('/datasets');

  // Remove asks first, then the row goes.
  await row.getByRole('button', { name: 'Remove' }).click();
  await row.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.getByRole('status')).toContainText(`removed iris-${tag}`);
  await expect(page.getByRole('cell', { name: `iris-${tag}`, exact: true })).toHaveCount(0);
});
