// The shapes that cross the IPC boundary are generated from the Rust types (bindings.ts, checked fresh by
// tessera-core's `bindings` test). This module is the one the rest of the UI imports them from.

export * from './bindings';
