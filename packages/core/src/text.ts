/**
 * Characters no text field may hold: NUL (PostgreSQL's text types cannot store it, and C-based tools cut a string
 * at it) and lone UTF-16 surrogates (no valid Unicode; UTF-8 encoders replace or refuse them). The server refuses
 * both at its edge (every request part, every uploaded cell), so they never reach a rule or the database.
 */

const NUL = String.fromCharCode(0);

/** True when the text holds a NUL character or a surrogate that is not half of a pair. */
export function hasForbiddenCharacters(text: string): boolean {
  if (text.includes(NUL)) return true;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(index + 1);
    // A high surrogate followed by a low one is a pair; anything else is alone.
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index += 1;
    else return true;
  }
  return false;
}

/**
 * The path of the first string in a parsed JSON value (object keys included) that holds a forbidden character,
 * or null. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function findForbiddenText(value: unknown): (string | number)[] | null {
  // Each pending value remembers its parent, so the path is built only for the string found.
  interface Step {
    value: unknown;
    key: string | number;
    parent: Step | null;
  }
  const pathOf = (step: Step | null): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let at = step; at?.parent; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const pending: Step[] = [{ value, key: '', parent: null }];
  for (let step = pending.pop(); step !== undefined; step = pending.pop()) {
    const current = step.value;
    if (typeof current === 'string') {
      if (hasForbiddenCharacters(current)) return pathOf(step);
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1)
        pending.push({ value: current[index] as unknown, key: index, parent: step });
    } else if (current !== null && typeof current === 'object') {
      const entries: [string, unknown][] = Object.entries(current);
      if (entries.some(([key]) => hasForbiddenCharacters(key))) return pathOf(step);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index] ?? ['', undefined];
        pending.push({ value: child, key, parent: step });
      }
    }
  }
  return null;
}
