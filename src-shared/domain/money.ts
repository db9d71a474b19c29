/**
 * Money is held as whole pence (integers) so sums never drift. People type pounds: "1234.5", "£1,234.56".
 * Returns null for text that is not an amount of money, so each caller can word its own error.
 */
export function poundsToPence(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, '').replace(/,(?=\d{3}(?:\D|$))/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match?.[1]) return null;
  const pence = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(pence);
}

export function penceToPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}£${Math.floor(abs / 100).toLocaleString('en-GB')}.${String(abs % 100).padStart(2, '0')}`;
}
