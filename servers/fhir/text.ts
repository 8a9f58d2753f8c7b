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

export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßđłıþ]/g, (c) => extra[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}
