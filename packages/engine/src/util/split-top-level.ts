/**
 * Lists of formulas as users type them (`--set targets=…`, `--sweep data.expression=…`):
 * `a,b(c, d),e` → ['a', 'b(c, d)', 'e'], commas inside parentheses belong to a formula.
 */
export function splitTopLevel(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}
