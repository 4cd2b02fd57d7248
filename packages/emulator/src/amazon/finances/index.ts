/** Finances area of the emulator (2024-06-19 transactions, v0 event groups and events). */
export { financeRoutes } from './routes';
export { groupIdFor } from './groups';
