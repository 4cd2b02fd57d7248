/**
 * Emits the runtime operation table: per operation its API, method, path template, parameters
 * (location, type, array collection format, constraints) and the default usage plan parsed from
 * the "Usage Plan" table every operation description carries.
 */
import type { ApiModelSpec } from './models';
import { listOperations, type SwaggerModel, type SwaggerParameter } from './emit-types';

/** One parameter as the client needs it at run time. */
export interface GeneratedParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'body';
  required: boolean;
  type: string;
  itemType?: string;
  format?: string;
  collectionFormat?: string;
  enum?: unknown[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

/** One operation of the table. */
export interface GeneratedOperation {
  key: string;
  qualifiedKey: string;
  operationId: string;
  api: string;
  version: string;
  method: string;
  path: string;
  deprecated: boolean;
  ratePerSecond: number | null;
  burst: number | null;
  parameters: GeneratedParameter[];
  preferred: boolean;
}

// The usage plan table: "| Rate (requests per second) | Burst |\n| ---- | ---- |\n| 0.0056 | 20 |"
const USAGE_PLAN =
  /Rate \(requests per second\)\s*\|\s*Burst\s*\|\s*\n\s*\|[-\s|]+\|\s*\n\s*\|\s*([\d.]+)\s*\|\s*(\d+)\s*\|/;

/** Default rate and burst from an operation description, or nulls when it has no plan table. */
export function parseUsagePlan(description: string | undefined): {
  ratePerSecond: number | null;
  burst: number | null;
} {
  const match = USAGE_PLAN.exec(description ?? '');

  return match
    ? { ratePerSecond: Number(match[1]), burst: Number(match[2]) }
    : { ratePerSecond: null, burst: null };
}

const CONSTRAINTS = [
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
] as const;

function toGeneratedParameter(parameter: SwaggerParameter): GeneratedParameter {
  const result: GeneratedParameter = {
    name: parameter.name,
    in: parameter.in === 'formData' ? 'body' : parameter.in,
    required: parameter.required === true,
    type: parameter.in === 'body' ? 'object' : (parameter.type ?? 'string'),
  };

  if (parameter.items?.type) result.itemType = parameter.items.type;
  if (parameter.format ?? parameter.items?.format)
    result.format = parameter.format ?? parameter.items?.format;
  if (parameter.type === 'array') result.collectionFormat = parameter.collectionFormat ?? 'csv';

  const values = parameter.enum ?? parameter.items?.enum;

  if (values && values.length <= 60) result.enum = values;
  for (const name of CONSTRAINTS) {
    const value = parameter[name];

    if (typeof value === 'number') result[name] = value;
  }

  return result;
}

/** The operations of one model in table form. */
export function collectOperations(model: SwaggerModel, spec: ApiModelSpec): GeneratedOperation[] {
  return listOperations(model).map(({ path, method, operation, parameters }) => ({
    key: operation.operationId,
    qualifiedKey: `${spec.key}.${operation.operationId}`,
    operationId: operation.operationId,
    api: spec.key.replace(/-(v\d+|\d{4}-\d{2}-\d{2})$/, ''),
    version: model.info.version,
    method,
    path,
    deprecated: operation.deprecated === true,
    ...parseUsagePlan(operation.description),
    parameters: parameters.map(toGeneratedParameter),
    preferred: spec.preferred === true,
  }));
}

function assignBareNames(operations: GeneratedOperation[]): void {
  const byName = new Map<string, GeneratedOperation[]>();

  for (const operation of operations) {
    byName.set(operation.operationId, [...(byName.get(operation.operationId) ?? []), operation]);
  }

  for (const [name, group] of byName) {
    const owner = group.length === 1 ? group[0] : group.find((operation) => operation.preferred);

    if (!owner)
      throw new Error(`operationId ${name} is shared by several models and none is preferred`);
    for (const operation of group)
      operation.key = operation === owner ? name : operation.qualifiedKey;
  }
}

function typeReference(operation: GeneratedOperation, specs: readonly ApiModelSpec[]): string {
  const spec = specs.find((candidate) => operation.qualifiedKey.startsWith(`${candidate.key}.`));

  return `${spec?.namespace}.Operations['${operation.operationId}']`;
}

/** The source of `operations.ts`: the runtime table and the type map keyed the same way. */
export function emitOperationTable(
  operations: GeneratedOperation[],
  specs: readonly ApiModelSpec[],
): string {
  assignBareNames(operations);

  const imports = specs.map((spec) => `import type * as ${spec.namespace} from './${spec.key}';`);
  const rows = operations.map((operation) => {
    const { preferred: _preferred, qualifiedKey: _qualified, key, ...row } = operation;

    return `${JSON.stringify(key)}: ${JSON.stringify(row)},`;
  });
  const typeRows = operations.map(
    (operation) => `${JSON.stringify(operation.key)}: ${typeReference(operation, specs)};`,
  );

  return (
    `${imports.join('\n')}\n\n` +
    `/** One generated operation: where it lives and its default usage plan (null when the model has none). */\n` +
    `export interface OperationSpec {\n operationId: string; api: string; version: string; method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';\n` +
    ` path: string; deprecated: boolean; ratePerSecond: number | null; burst: number | null;\n` +
    ` parameters: readonly ParameterSpec[];\n}\n\n` +
    `/** One parameter of an operation. */\n` +
    `export interface ParameterSpec {\n name: string; in: 'path' | 'query' | 'header' | 'body'; required: boolean; type: string;\n` +
    ` itemType?: string; format?: string; collectionFormat?: string; enum?: readonly unknown[];\n` +
    ` minItems?: number; maxItems?: number; minimum?: number; maximum?: number; minLength?: number; maxLength?: number;\n}\n\n` +
    `/** Operations by key: the bare operationId, or \`<api-file>.<operationId>\` when a preferred model owns the bare name. */\n` +
    `export const OPERATIONS = {\n${rows.join('\n')}\n} as const satisfies Record<string, OperationSpec>;\n\n` +
    `/** A key of {@link OPERATIONS}. */\n` +
    `export type OperationKey = keyof typeof OPERATIONS;\n\n` +
    `/** Request parts and response type of each operation, keyed like {@link OPERATIONS}. */\n` +
    `export interface OperationTypes {\n${typeRows.join('\n')}\n}\n`
  );
}
