import type { Locator } from "@playwright/test";

/** Moves the ordering question's items (shown shuffled) into `wanted` with the arrow buttons. */
export async function putInOrder(question: Locator, wanted: string[]) {
  for (const [target, text] of wanted.entries()) {
    for (;;) {
      const texts = await question.getByTestId("order-item").allInnerTexts();
      const at = texts.findIndex((t) => t.includes(text));
      if (at <= target) break;
      await question.getByRole("button", { name: `Move up: ${text}` }).click();
    }
  }
}

/** A one-page PDF, as a word processor would export it. */
export function essayPdf(): Buffer {
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj",
    "4 0 obj << /Length 44 >> stream",
    "BT /F1 18 Tf 20 80 Td (Why the sky is blue) Tj ET",
    "endstream endobj",
    "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return Buffer.from(body, "latin1");
}
