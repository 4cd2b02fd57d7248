/**
 * Validates listing attributes against a product type schema and reports problems as Listings
 * Items API `Issue`s (code, message, severity, attributeNames, categories), using the codes Amazon
 * shows for missing (90220) and invalid (4000001) attributes.
 */
import type { SchemaNode } from './definitions';

/** Listings Items API 2021-08-01 `Issue`. */
export interface ListingIssue {
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  attributeNames?: string[];
  categories: string[];
}

/** Issue for a required attribute that is absent. */
export function missingIssue(attribute: string): ListingIssue {
  return {
    code: '90220',
    message: `'${attribute}' is required but not supplied.`,
    severity: 'ERROR',
    attributeNames: [attribute],
    categories: ['MISSING_ATTRIBUTE'],
  };
}

/** Issue for an attribute whose value breaks the schema. */
export function invalidIssue(attribute: string, reason: string): ListingIssue {
  return {
    code: '4000001',
    message: `The value provided for '${attribute}' is invalid: ${reason}`,
    severity: 'ERROR',
    attributeNames: [attribute],
    categories: ['INVALID_ATTRIBUTE'],
  };
}

function typeOk(node: SchemaNode, value: unknown): boolean {
  switch (node.type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

/** First schema violation at `path`, or undefined. */
export function findViolation(node: SchemaNode, value: unknown, path: string): string | undefined {
  if (!typeOk(node, value)) return `${path} must be of type ${node.type}`;
  if (node.enum && !node.enum.includes(value as string))
    return `${path} must be one of ${node.enum.join(', ')}`;
  if (node.minimum !== undefined && (value as number) < node.minimum)
    return `${path} must be >= ${node.minimum}`;
  if (node.maxLength !== undefined && (value as string).length > node.maxLength)
    return `${path} is longer than ${node.maxLength}`;

  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems)
      return `${path} needs at least ${node.minItems} item(s)`;
    if (node.maxItems !== undefined && value.length > node.maxItems)
      return `${path} allows at most ${node.maxItems} item(s)`;
    for (const [i, item] of value.entries()) {
      const found = node.items ? findViolation(node.items, item, `${path}[${i}]`) : undefined;
      if (found) return found;
    }
  }
  if (node.type === 'object' && value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const missing = (node.required ?? []).find((key) => record[key] === undefined);
    if (missing) return `${path}.${missing} is required`;
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const found =
        record[key] === undefined ? undefined : findViolation(child, record[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Issues of a full attribute set (put) or of patched attributes only (`checkRequired` false). */
export function validateAttributes(
  schema: SchemaNode,
  attributes: Record<string, unknown>,
  checkRequired: boolean,
): ListingIssue[] {
  const issues: ListingIssue[] = [];
  const properties = schema.properties ?? {};
  for (const [name, value] of Object.entries(attributes)) {
    const node = properties[name];
    if (!node) {
      issues.push(invalidIssue(name, 'the attribute is not part of the product type definition'));
      continue;
    }
    const violation = findViolation(node, value, name);
    if (violation) issues.push(invalidIssue(name, violation));
  }
  if (checkRequired) {
    for (const name of schema.required ?? []) {
      if (attributes[name] === undefined) issues.push(missingIssue(name));
    }
  }
  return issues;
}
