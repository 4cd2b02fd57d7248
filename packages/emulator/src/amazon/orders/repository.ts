/**
 * Orders of the emulator: seeded once from the world into the SQLite store, then read from an
 * in-memory index (sorted by creation time) with write-through on every change, so 100,000
 * orders page quickly.
 */
import type { WorldOrder } from '../../world/types';
import type { SqliteAmazonStore } from '../store';
import type { AmazonContext, AmazonStore } from '../server/types';

/** Store kind of orders. */
export const ORDER_KIND = 'order';

/** In-memory view over the stored orders. */
export class OrderRepository {
  readonly #ctx: AmazonContext;
  readonly #byId = new Map<string, WorldOrder>();
  #sorted: WorldOrder[] | undefined;

  constructor(ctx: AmazonContext) {
    this.#ctx = ctx;
  }

  /** Copies the world's orders into an empty store, then loads the store. */
  seed(): void {
    const stored = this.#ctx.store.list<WorldOrder>(ORDER_KIND);
    const orders = stored.length > 0 ? stored : this.#copyWorldOrders();
    orders.forEach((order) => this.#byId.set(order.orderId, order));
    this.#sorted = undefined;
  }

  /** Serialises each world order once: the text goes to SQLite, its parse is our private copy. */
  #copyWorldOrders(): WorldOrder[] {
    const store = this.#ctx.store as Partial<SqliteAmazonStore> & AmazonStore;
    const copies: WorldOrder[] = [];
    const write = () => {
      for (const order of this.#ctx.world.orders) {
        const json = JSON.stringify(order);
        if (store.putJson) store.putJson(ORDER_KIND, order.orderId, json);
        else store.put(ORDER_KIND, order.orderId, order);
        // Confirmations change these copies, never the shared world.
        copies.push(JSON.parse(json) as WorldOrder);
      }
    };
    if (store.transaction) store.transaction(write);
    else write();
    return copies;
  }

  get(orderId: string): WorldOrder | undefined {
    return this.#byId.get(orderId);
  }

  /** All orders, oldest first. */
  all(): WorldOrder[] {
    this.#sorted ??= [...this.#byId.values()].sort(
      (a, b) => a.createdTime.localeCompare(b.createdTime) || a.orderId.localeCompare(b.orderId),
    );
    return this.#sorted;
  }

  /** Persists a changed or new order. */
  save(order: WorldOrder): void {
    this.#byId.set(order.orderId, order);
    this.#ctx.store.put(ORDER_KIND, order.orderId, order);
    this.#sorted = undefined;
  }
}
