import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = fileURLToPath(new URL('../../target/journey-devstack', import.meta.url));
/**
 * The devstack's report. `MOVEACCES_DEVSTACK_STATUS` names the `devstack.json` of one already
 * running (while working on the journeys): then it is used as it is, neither started nor stopped.
 */
export const RUNNING_DEVSTACK = process.env.MOVEACCES_DEVSTACK_STATUS;
export const STATUS_FILE = RUNNING_DEVSTACK ?? path.join(DATA_DIR, 'devstack.json');

/** Where the devstack that global-setup started serves the app and the API. */
export interface RunningSystem {
  appUrl: string;
  apiUrl: string;
}

export function runningSystem(): RunningSystem {
  const status = JSON.parse(readFileSync(STATUS_FILE, 'utf8'));
  return { appUrl: status.app.url, apiUrl: status.entryPoint };
}

/** The seed member of every fresh devstack (development only). */
export const SEED_MEMBER = {
  email: 'diogofebre@gmail.com',
  password: 'TestPassword123!',
  firstName: 'Diogo',
};
