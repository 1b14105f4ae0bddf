// Maps, not object literals: a word like "constructor" must not look like a number.
const UNITS = new Map(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
    'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map((w, i) => [w, i]),
);
const TENS = new Map(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [w, (i + 2) * 10]));
const SCALES = new Map([['thousand', 1e3], ['million', 1e6], ['billion', 1e9]]);
const CURRENCY = new Set(['dollar', 'dollars', 'bucks', 'usd']);

const isNumberWord = (t = '') => UNITS.has(t) || TENS.has(t) || t === 'hundred' || SCALES.has(t);
const DIGITS = /^\d[\d,]*(?:\.\d+)?k?$/;

// Lower-case tokens: `$`, digit groups (`5,000`, `1.5`, `5k`), words (hyphens split), other marks.
export function tokenize(text: string): string[] {
  return text.toLowerCase().replace(/(?<=[a-z])-(?=[a-z])/g, ' ').match(/\$|\d[\d,]*(?:\.\d+)?k?\b|[a-z]+(?:'[a-z]+)?|[^\s\w]/g) ?? [];
}

interface ParsedNumber {
  value: number;
  end: number;
  scaled: boolean;
}

// Reads one number starting at tokens[start]: "5,000", "5k", "1.5 million", "a thousand",
// "two hundred and fifty", "twenty five thousand". Null when no number starts there.
export function readNumber(tokens: string[], start: number): ParsedNumber | null {
  let total = 0;
  let current = 0;
  let end = start;
  let scaled = false;
  let last: 'none' | 'digit' | 'unit' | 'tens' | 'hundred' | 'scale' = 'none';
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (last === 'none' && DIGITS.test(t)) {
      current = Number(t.replace(/[,k]/g, '')) * (t.endsWith('k') ? 1e3 : 1);
      scaled = t.endsWith('k');
      last = 'digit';
    } else if (last === 'none' && (t === 'a' || t === 'an') && (tokens[i + 1] === 'hundred' || SCALES.has(tokens[i + 1] ?? ''))) {
      current = 1;
      last = 'unit';
    } else if (UNITS.has(t) && last !== 'unit' && last !== 'digit' && !(last === 'tens' && UNITS.get(t)! >= 10)) {
      current += UNITS.get(t)!;
      last = 'unit';
    } else if (TENS.has(t) && (last === 'none' || last === 'hundred' || last === 'scale')) {
      current += TENS.get(t)!;
      last = 'tens';
    } else if (t === 'hundred' && (last === 'digit' || last === 'unit' || last === 'tens') && current > 0 && current < 100) {
      current *= 100; // "two hundred", "twenty five hundred"
      last = 'hundred';
    } else if (SCALES.has(t) && last !== 'none' && last !== 'scale') {
      total += current * SCALES.get(t)!;
      current = 0;
      scaled = true;
      last = 'scale';
    } else if (t === 'and' && (last === 'hundred' || last === 'scale') && isNumberWord(tokens[i + 1]) && !SCALES.has(tokens[i + 1] ?? '')) {
      continue; // "two hundred and fifty": `and` only joins when a number word follows
    } else {
      break;
    }
    end = i + 1;
  }
  if (end === start) return null;
  return { value: total + current, end, scaled };
}

// Every money amount said, in order: a number after `$`, before "dollars"/"bucks", or with a
// large scale ("5k", "1.5 million", "five thousand").
export function moneyAmounts(text: string): number[] {
  const tokens = tokenize(text);
  const amounts: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = readNumber(tokens, i);
    if (!n) continue;
    if (tokens[i - 1] === '$' || CURRENCY.has(tokens[n.end] ?? '') || n.scaled) amounts.push(Math.round(n.value * 100) / 100);
    i = n.end - 1;
  }
  return amounts;
}

export function largestAmount(text: string): number | null {
  const amounts = moneyAmounts(text);
  return amounts.length ? Math.max(...amounts) : null;
}
