/**
 * A small Swagger 2.0 → TypeScript emitter: definitions become exported types, and each
 * operation becomes an entry of an `Operations` interface (path, query, body, response).
 * Amazon's models use only a plain subset of Swagger (objects, arrays, enums, $ref, allOf,
 * additionalProperties), which is why a dependency-free emitter suffices.
 */
import type { ApiModelSpec } from './models';

/** The parts of a Swagger 2.0 schema object the models use. */
export interface SwaggerSchema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  enum?: unknown[];
  items?: SwaggerSchema;
  properties?: Record<string, SwaggerSchema>;
  required?: string[];
  additionalProperties?: boolean | SwaggerSchema;
  allOf?: SwaggerSchema[];
  [key: string]: unknown;
}

/** A Swagger 2.0 parameter (path, query, header or body). */
export interface SwaggerParameter {
  name: string;
  type?: string;
  format?: string;
  description?: string;
  enum?: unknown[];
  items?: SwaggerSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  in: 'path' | 'query' | 'header' | 'body' | 'formData';
  required?: boolean;
  schema?: SwaggerSchema;
  collectionFormat?: string;
}

/** A Swagger 2.0 operation. */
export interface SwaggerOperation {
  operationId: string;
  description?: string;
  deprecated?: boolean;
  parameters?: (SwaggerParameter | { $ref: string })[];
  responses: Record<string, { schema?: SwaggerSchema; description?: string }>;
}

/** A Swagger 2.0 document as the models ship it. */
export interface SwaggerModel {
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  definitions?: Record<string, SwaggerSchema>;
  parameters?: Record<string, SwaggerParameter>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** A TypeScript identifier for a definition name. */
export function typeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_');

  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function docComment(text: string | undefined): string {
  if (!text) return '';

  const firstParagraph = text.split(/\n\s*\n/)[0] ?? '';
  const clipped = firstParagraph.replace(/\s+/g, ' ').trim().slice(0, 300);

  return `/** ${clipped.replace(/\*\//g, '* /')} */\n`;
}

function refName(ref: string): string {
  return typeName(ref.replace(/^#\/definitions\//, ''));
}

/** The TypeScript type expression of a schema. */
export function schemaType(schema: SwaggerSchema | undefined): string {
  if (!schema) return 'unknown';
  if (schema.$ref) return refName(schema.$ref);
  if (schema.allOf) return schema.allOf.map((part) => schemaType(part)).join(' & ');
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');

  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `(${schemaType(schema.items)})[]`;
    case 'file':
      return 'unknown';
    default:
      return objectType(schema);
  }
}

function objectType(schema: SwaggerSchema): string {
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(
    ([name, property]) =>
      `${docComment(property.description)}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${schemaType(property)};`,
  );
  const extra = schema.additionalProperties;

  if (extra && typeof extra === 'object') members.push(`[key: string]: ${schemaType(extra)};`);
  if (members.length === 0) return 'Record<string, unknown>';

  return `{\n${members.join('\n')}\n}`;
}

function resolveParameter(
  model: SwaggerModel,
  parameter: SwaggerParameter | { $ref: string },
): SwaggerParameter {
  if (!('$ref' in parameter) || typeof parameter.$ref !== 'string' || 'name' in parameter) {
    return parameter as SwaggerParameter;
  }

  const name = parameter.$ref.replace(/^#\/parameters\//, '');
  const resolved = model.parameters?.[name];

  if (!resolved) throw new Error(`unresolved parameter ${parameter.$ref}`);
  return resolved;
}

/** Every (path, method, operation, parameters) of a model, with path-level parameters merged. */
export function listOperations(
  model: SwaggerModel,
): { path: string; method: string; operation: SwaggerOperation; parameters: SwaggerParameter[] }[] {
  const result = [];

  for (const [path, item] of Object.entries(model.paths)) {
    const shared = ((item.parameters as SwaggerParameter[] | undefined) ?? []).map((p) =>
      resolveParameter(model, p),
    );

    for (const [method, value] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;

      const operation = value as SwaggerOperation;
      const own = (operation.parameters ?? []).map((p) => resolveParameter(model, p));
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name)), ...own];

      result.push({ path, method: method.toUpperCase(), operation, parameters });
    }
  }

  return result;
}

function parameterGroup(parameters: SwaggerParameter[], location: string): string {
  const members = parameters
    .filter((parameter) => parameter.in === location)
    .map(
      (parameter) =>
        `${docComment(parameter.description)}${propertyKey(parameter.name)}${parameter.required ? '' : '?'}: ${schemaType({ ...parameter, required: undefined })};`,
    );

  return members.length === 0 ? 'Record<string, never>' : `{\n${members.join('\n')}\n}`;
}

function successSchema(operation: SwaggerOperation): SwaggerSchema | undefined {
  const code = Object.keys(operation.responses).find((status) => /^2\d\d$/.test(status));

  return code ? operation.responses[code]?.schema : undefined;
}

function operationEntry(entry: ReturnType<typeof listOperations>[number]): string {
  const body = entry.parameters.find((parameter) => parameter.in === 'body');
  const bodyType = body
    ? schemaType(body.schema) + (body.required ? '' : ' | undefined')
    : 'undefined';
  const response = successSchema(entry.operation);

  return (
    `${docComment(`${entry.method} ${entry.path}${entry.operation.deprecated ? ' (deprecated)' : ''}`)}` +
    `${entry.operation.operationId}: {\n` +
    `path: ${parameterGroup(entry.parameters, 'path')};\n` +
    `query: ${parameterGroup(entry.parameters, 'query')};\n` +
    `body: ${bodyType};\n` +
    `response: ${response ? schemaType(response) : 'void'};\n}`
  );
}

/** The source of one API's type file. */
export function emitApiTypes(model: SwaggerModel, spec: ApiModelSpec): string {
  const definitions = Object.entries(model.definitions ?? {}).map(
    ([name, schema]) =>
      `${docComment(schema.description)}export type ${typeName(name)} = ${schemaType(schema)};`,
  );
  const operations = listOperations(model).map(operationEntry);

  return (
    `// ${model.info.title} ${model.info.version} (amazon/models/${spec.file})\n\n` +
    `${definitions.join('\n\n')}\n\n` +
    `/** Request parts and success response of each operation of this API. */\n` +
    `export interface Operations {\n${operations.join('\n')}\n}\n`
  );
}
