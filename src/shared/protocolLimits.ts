// The sync protocol's size limits, on their own so that protocol.ts (which re-exports them) and protocolSchema.ts
// (which validates by them) both load them without loading each other.

export const MAX_PUSH_CHANGES = 2500;
export const MAX_PULL_LIMIT = 2500;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
