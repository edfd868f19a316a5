/**
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, fields with a comma, quote or line break in
 * double quotes, quotes doubled. Text cells that a spreadsheet would run as a formula (starting with
 * = + - @ or a tab/CR) get a leading apostrophe: image names are chosen by any project member.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [headers, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
