export { CONSUMED_EVENTS } from './consumed-events';
export { startRealtime, type EventPositions, type RealtimeClientOptions, type RealtimeSession } from './realtime-client';
