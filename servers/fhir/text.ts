/** Case- and accent-insensitive form used for string search: "Núñez" and "nunez" are the same key. */
const extra: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

/**
 * The words of a text, for `:text` search: normalised as above, with punctuation as spaces, so
 * "Glucose [Mass/volume]" is "glucose mass volume" and a search for "mass/volume" matches it.
 */
export function normalizeWords(text: string): string {
  return normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßđłıþ]/g, (c) => extra[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}
