/**
 * In-process inspection for tests: counts and reads of stored records (with their lines),
 * inventory per item and location, governance counters and scripted faults.
 */
import type { NsContext } from './context';
import type { GeneratedClient } from './auth/oauth2';
import type { StoredRecord } from './records/store';
import { resolveType } from './records/types';
import type { SeededRefs } from './seed';
import type { FaultInjector, FaultKind } from './server/faults';
import type { Governance, GovernanceStats } from './server/governance';

/** A stored record as the inspector returns it; sublist lines are in `body.<sublist>.items`. */
export type InspectedRecord = StoredRecord;

/** On-hand, committed and available quantity of an item at a location. */
export interface InventoryRow {
  itemId: number;
  itemName: string;
  locationId: number;
  locationName: string;
  onHand: number;
  committed: number;
  available: number;
}

/** The inspection API of a running NetSuite emulator. */
export interface NetSuiteInspector {
  /** Internal ids of the seeded records. */
  seeded: SeededRefs;
  /** Number of records of a type (optionally with one external id). */
  count(type: string, externalId?: string): number;
  /** A record by internal id, whatever its type. */
  record(id: number): InspectedRecord | undefined;
  /** A record of a type by external id. */
  findByExternalId(type: string, externalId: string): InspectedRecord | undefined;
  /** All records of a type, oldest first. */
  records(type: string): InspectedRecord[];
  /** Inventory rows, optionally for one item (id or SKU) and/or location id. */
  inventory(filter?: { item?: number | string; locationId?: number }): InventoryRow[];
  /** On-hand quantity of an item (id or SKU) at a location id. */
  onHand(item: number | string, locationId: number): number;
  /** Concurrency counters. */
  governance(): GovernanceStats;
  /** Faults for the next requests, in order (null = normal). */
  queueFaults(kinds: Array<FaultKind | null>): void;
  /** Registers another OAuth 2 client (e.g. a PS256 key) and returns its credentials. */
  addOAuth2Client(algorithm: 'ES256' | 'PS256'): GeneratedClient;
}

interface Parts {
  ctx: NsContext;
  seeded: SeededRefs;
  governance: Governance;
  faults: FaultInjector;
  addOAuth2Client(algorithm: 'ES256' | 'PS256'): GeneratedClient;
}

/** Builds the inspector over one emulator's parts. */
export function createInspector(parts: Parts): NetSuiteInspector {
  const { ctx } = parts;
  const typeName = (type: string): string => resolveType(type)?.name ?? type;
  const itemIdOf = (item: number | string): number =>
    typeof item === 'number' ? item : (parts.seeded.items[item] ?? -1);

  return {
    seeded: parts.seeded,
    count(type, externalId) {
      if (externalId === undefined) return ctx.store.count(typeName(type));
      return ctx.store.byExternalId([typeName(type)], externalId) === undefined ? 0 : 1;
    },
    record: (id) => ctx.store.get(id),
    findByExternalId: (type, externalId) => ctx.store.byExternalId([typeName(type)], externalId),
    records: (type) => ctx.store.all([typeName(type)]),
    inventory(filter = {}) {
      const rows = ctx.store.db
        .prepare(
          `SELECT i.item, i.location, i.quantityonhand AS onHand, i.quantitycommitted AS committed,
                  i.quantityavailable AS available, it.ref_name AS itemName, lo.ref_name AS locationName
           FROM inventoryitemlocations i JOIN ns_record it ON it.id = i.item JOIN ns_record lo ON lo.id = i.location
           WHERE (? IS NULL OR i.item = ?) AND (? IS NULL OR i.location = ?) ORDER BY i.item, i.location`,
        )
        .all(
          ...bindFilter(
            filter.item === undefined ? null : itemIdOf(filter.item),
            filter.locationId ?? null,
          ),
        ) as Array<
        Omit<InventoryRow, 'itemId' | 'locationId'> & { item: number; location: number }
      >;
      return rows.map(({ item, location, ...rest }) => ({
        itemId: item,
        locationId: location,
        ...rest,
      }));
    },
    onHand: (item, locationId) => ctx.store.onHand(itemIdOf(item), locationId),
    governance: () => parts.governance.snapshot(),
    queueFaults: (kinds) => parts.faults.enqueue(kinds),
    addOAuth2Client: (algorithm) => parts.addOAuth2Client(algorithm),
  };
}

function bindFilter(item: number | null, location: number | null): Array<number | null> {
  return [item, item, location, location];
}
