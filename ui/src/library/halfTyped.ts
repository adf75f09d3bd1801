// A search still being typed: a filter with its value yet to come (`agency:`, `rating>=`, `tag:"Brand`). Searching
// it as the keys arrive would replace the results with "this search cannot be read" on every keystroke; the box waits
// for the value instead (Enter still searches at once and says what is wrong).

const OPEN_FILTER = /(^|\s)-?[\p{L}\p{N}_.]+(:|:?[<>]=?|=)$/u;

/** True when `query` ends in a filter key and operator with no value yet, or inside an unclosed quote. */
export function halfTyped(query: string): boolean {
  if (OPEN_FILTER.test(query)) return true;
  const quotes = query.match(/"/g)?.length ?? 0;
  return quotes % 2 === 1;
}
