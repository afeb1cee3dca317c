export const ABONNEMENT_STATES = ['active', 'paused', 'expired', 'canceled', 'pending'] as const;
export type AbonnementState = (typeof ABONNEMENT_STATES)[number];

/** A member's abonnement as subscription-service shows it. */
export interface Abonnement {
  readonly id: number | string;
  readonly name: string;
  readonly state: AbonnementState;
  /** ISO calendar dates (`2026-03-01`), Swiss dates. */
  readonly dateStart: string;
  readonly dateStop: string | null;
  readonly price: number;
  /** A percentage. */
  readonly discount: number;
  readonly currency: string;
  readonly autoRenew: boolean;
}

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAbonnementState(value: unknown): value is AbonnementState {
  return typeof value === 'string' && (ABONNEMENT_STATES as readonly string[]).includes(value);
}

/** Amounts travel as JSON numbers or decimal strings. */
function toNumber(value: unknown): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw new TypeError('Not a number');
  return number;
}

export function decodeAbonnement(value: unknown): Abonnement {
  if (
    !isJson(value) ||
    (typeof value.id !== 'number' && typeof value.id !== 'string') ||
    typeof value.name !== 'string' ||
    !isAbonnementState(value.state) ||
    typeof value.date_start !== 'string' ||
    (value.date_stop !== null && value.date_stop !== undefined && typeof value.date_stop !== 'string')
  ) {
    throw new TypeError('Unexpected abonnement');
  }
  return {
    id: value.id,
    name: value.name,
    state: value.state,
    dateStart: value.date_start,
    dateStop: typeof value.date_stop === 'string' ? value.date_stop : null,
    price: toNumber(value.price),
    discount: value.discount === undefined || value.discount === null ? 0 : toNumber(value.discount),
    currency: typeof value.currency === 'string' ? value.currency : 'CHF',
    autoRenew: value.auto_renew === true,
  };
}

export function decodeAbonnements(body: unknown): Abonnement[] {
  if (!Array.isArray(body)) throw new TypeError('Unexpected abonnement list');
  return body.map(decodeAbonnement);
}

export interface MemberName {
  readonly prenom: string;
  readonly nom: string;
}

export function decodeMemberName(body: unknown): MemberName {
  if (!isJson(body) || typeof body.prenom !== 'string' || typeof body.nom !== 'string') {
    throw new TypeError('Unexpected profile');
  }
  return { prenom: body.prenom, nom: body.nom };
}
