import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface TwimlNode {
  name: string;
  attrs: Record<string, string>;
  // Concatenated text content (trimmed), e.g. the number in <Number>.
  text: string;
  children: TwimlNode[];
}

export class TwimlParseError extends Error {
  readonly code = 12100;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(node: OrderedNode): TwimlNode | null {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name || name === '#text' || name.startsWith('?')) return null;
  const rawChildren = (node[name] as OrderedNode[] | undefined) ?? [];
  const children: TwimlNode[] = [];
  let text = '';
  for (const child of rawChildren) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const converted = convert(child);
      if (converted) children.push(converted);
    }
  }
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[':@'] ?? {})) attrs[key] = String(value);
  return { name, attrs, text: text.trim(), children };
}

// Parses a TwiML document into its <Response> verbs. Throws TwimlParseError (Twilio 12100).
export function parseTwiml(xml: string): TwimlNode[] {
  const trimmed = xml.trim();
  if (!trimmed) throw new TwimlParseError('Empty TwiML document');
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) throw new TwimlParseError(`Invalid TwiML: ${valid.err.msg}`);
  const doc = (parser.parse(trimmed) as OrderedNode[]).map(convert).filter((n): n is TwimlNode => n !== null);
  const response = doc.find((n) => n.name === 'Response');
  if (!response) throw new TwimlParseError('TwiML must have a <Response> root element');
  return response.children;
}

export function attr(node: TwimlNode, name: string, fallback: string): string {
  const value = node.attrs[name];
  return value === undefined || value === '' ? fallback : value;
}

export function boolAttr(node: TwimlNode, name: string, fallback: boolean): boolean {
  const value = node.attrs[name];
  if (value === undefined || value === '') return fallback;
  return value.toLowerCase() === 'true';
}

export function numberAttr(node: TwimlNode, name: string, fallback: number): number {
  const value = Number(node.attrs[name]);
  return node.attrs[name] === undefined || Number.isNaN(value) ? fallback : value;
}
