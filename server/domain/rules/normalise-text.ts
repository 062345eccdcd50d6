/**
 * Folds text for matching: lower case, no accents ("Réunion" ~ "reunion", "Übergabe" ~
 * "ubergabe"), ß as ss, typographic dashes and quotes as plain ones, one space between words.
 * Rule values and event text go through the same fold, so rules match across spellings.
 */
export function normaliseText(text: string): string {
  if (text === '') return '';
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
