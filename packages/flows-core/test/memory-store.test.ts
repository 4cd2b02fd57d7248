import { createMemoryStore } from '../src/index';
import { describeStateStoreContract } from '../src/testing';

describeStateStoreContract({ name: 'memory', create: () => createMemoryStore() });
