type JsonSchema = Record<string, unknown>;

const asSchema = (value: unknown): JsonSchema => (value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : {});

// The JSON types a property allows (`type`, a `type` list, or `anyOf` branches); empty = anything.
function typesOf(prop: JsonSchema): string[] {
  const types = Array.isArray(prop.type) ? prop.type : typeof prop.type === 'string' ? [prop.type] : [];
  const branches = Array.isArray(prop.anyOf) ? prop.anyOf.flatMap((b) => typesOf(asSchema(b))) : [];
  return [...types, ...branches].filter((t): t is string => typeof t === 'string');
}

const EMPTY: Record<string, unknown> = { string: '', number: 0, integer: 0, boolean: false, array: [], object: {} };

// Bends a known value to the property's schema, as a strict-mode model's output would be.
function conform(value: unknown, prop: JsonSchema): unknown {
  const types = typesOf(prop);
  const nullable = types.length === 0 || types.includes('null');
  let out = value;
  if (out !== null && Array.isArray(prop.enum) && !prop.enum.includes(out)) out = null;
  if (out === null && !nullable) out = Array.isArray(prop.enum) && prop.enum.length ? prop.enum[0] : EMPTY[types[0]!] ?? null;
  if (typeof out === 'number' && types.includes('integer') && !types.includes('number')) out = Math.round(out);
  return out;
}

const normalise = (key: string) => key.replace(/[_\-\s]/g, '').toLowerCase();

// An object with exactly the schema's properties: known ones filled from `values` (also matching
// snake_case names), unknown ones null.
export function fillSchema(values: Record<string, unknown>, schema: unknown): Record<string, unknown> {
  const properties = asSchema(asSchema(schema).properties);
  const known = new Map(Object.entries(values).map(([k, v]) => [normalise(k), v]));
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(properties)) {
    const value = known.get(normalise(key));
    out[key] = value === undefined ? null : conform(value, asSchema(prop));
  }
  return out;
}
