import type { ResourceKey } from '../data';

/**
 * The events the app acts on, and what each makes it load again. realtime-service pushes every
 * event about the member; a filter on its side must keep at least these.
 */
export const CONSUMED_EVENTS: Readonly<Record<string, readonly ResourceKey[]>> = {
  'ch.moveacces.profile.profile-updated.v1': ['profile'],
  'ch.moveacces.subscription.abonnement-created.v1': ['abonnements'],
  'ch.moveacces.subscription.abonnement-activated.v1': ['abonnements'],
  'ch.moveacces.subscription.abonnement-paused.v1': ['abonnements'],
  'ch.moveacces.subscription.abonnement-resumed.v1': ['abonnements'],
  'ch.moveacces.subscription.abonnement-canceled.v1': ['abonnements'],
  'ch.moveacces.subscription.abonnement-expired.v1': ['abonnements'],
  // The sessions list gains or loses an entry. A session of this device that ends is closed by
  // the server (4403) rather than told by an event. refresh-token-rotated only moves a
  // session's "last used": not worth a reload every 12 minutes per device.
  'ch.moveacces.identity.login-succeeded.v1': ['sessions'],
  'ch.moveacces.identity.logged-out.v1': ['sessions'],
  'ch.moveacces.identity.session-revoked.v1': ['sessions'],
  'ch.moveacces.identity.all-sessions-revoked.v1': ['sessions'],
  'ch.moveacces.identity.password-changed.v1': ['sessions'],
  'ch.moveacces.identity.refresh-token-reuse-detected.v1': ['sessions'],
};

/** A later abonnement event (a new type or version) still concerns the abonnements. */
const ABONNEMENT_EVENT = /^ch\.moveacces\.subscription\.abonnement-[a-z-]+\.v\d+$/;

export function resourcesChangedBy(eventType: string): readonly ResourceKey[] {
  return CONSUMED_EVENTS[eventType] ?? (ABONNEMENT_EVENT.test(eventType) ? ['abonnements'] : []);
}
