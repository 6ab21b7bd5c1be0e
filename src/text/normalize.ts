/**
 * The one matching rule of the input contract: sheet, file and header names (and enumerated values
 * such as statuses and classification levels) compare ignoring case, accents, spaces and punctuation.
 * `Risico’s`, `risicos` and `RISICO'S` all become `risicos`.
 */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
