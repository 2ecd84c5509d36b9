// The glossary as CSV: one entry per row, several renderings separated by " | ". Cells that a
// spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe.

export const CSV_COLUMNS = ["term_zh", "approved_en", "forbidden_en", "note", "category"] as const;

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A cell as read back: the apostrophe we added before a formula character goes again. */
export const fromCell = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);
