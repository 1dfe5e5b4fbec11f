/** Page model of 通报 (/bulletins). */
import type { Page } from 'playwright-core';

export class BulletinPage {
  constructor(private readonly page: Page) {}

  /** Opens the page with its defaults (the session's date, the default template). */
  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/bulletins`);
    await this.page.getByTestId('bulletin-document').waitFor();
  }

  asOf(): Promise<string> {
    return this.page.getByTestId('as-of').inputValue();
  }

  /** The bulletin's paragraphs as shown. */
  text(): Promise<string> {
    return this.page.getByTestId('bulletin-document').innerText();
  }

  /** The download link of the Word or PDF button. */
  fileHref(format: 'docx' | 'pdf'): Promise<string | null> {
    return this.page.getByTestId(`bulletin-${format}`).getAttribute('href');
  }
}
