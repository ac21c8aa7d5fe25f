// A tiny escaping template tag for the HTML report: interpolations are escaped unless already marked safe.

const SAFE = Symbol('safe-html');

/** HTML that is already escaped (the result of `html`...`` or `raw`). */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly text: string;
}

/** Escapes text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Marks trusted markup (our own CSS and script) as safe. */
export function raw(text: string): SafeHtml {
  return { [SAFE]: true, text };
}

type Value = string | number | boolean | null | undefined | SafeHtml | readonly Value[];

/** `html`<p>${userText}</p>``: strings are escaped, arrays joined, SafeHtml kept as is. */
export function html(strings: TemplateStringsArray, ...values: readonly Value[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map((v: Value) => render(v)).join('');
  if (typeof value === 'object') return (value as SafeHtml).text;
  return escapeHtml(String(value));
}
