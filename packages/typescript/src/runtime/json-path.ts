/**
 * How keys appear in error paths, as in the Swift runtime: `.name` for identifiers (`[A-Za-z_][A-Za-z0-9_]*`), `["a
 * b"]` for anything else, the key written as a JSON string literal.
 */
export function appendKeyToPath(path: string, key: string): string {
  return isIdentifierKey(key) ? path + "." + key : path + "[" + quotedKey(key) + "]";
}

/** Whether `key` is written `.key` in a path. */
export function isIdentifierKey(key: string): boolean {
  if (key.length === 0) return false;
  const first = key.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return false;
  for (let index = 0; index < key.length; index++) {
    const c = key.charCodeAt(index);
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
    if (!ok) return false;
  }
  return true;
}

/** `key` as a JSON string literal, so quotes, backslashes and control characters stay readable. */
export function quotedKey(key: string): string {
  let text = '"';
  for (let index = 0; index < key.length; index++) {
    const c = key.charCodeAt(index);
    if (c === 0x22) text += '\\"';
    else if (c === 0x5c) text += "\\\\";
    else if (c === 0x0a) text += "\\n";
    else if (c === 0x09) text += "\\t";
    else if (c === 0x0d) text += "\\r";
    else if (c < 0x20) text += "\\u" + c.toString(16).padStart(4, "0");
    else text += key[index];
  }
  return text + '"';
}

/** Text quoted for a message, as a JSON string literal with control characters escaped. */
export function quotedText(text: string): string {
  return quotedKey(text);
}
