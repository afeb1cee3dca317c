import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR, RUNNING_DEVSTACK, STATUS_FILE } from './system';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEVSTACK_JAR = path.resolve(ROOT, '../platform/devstack/target/devstack.jar');
const OUTPUT = path.resolve(ROOT, 'target/journey-devstack.log');
const READY_WITHIN_MS = 240_000;

/** As `make bench-devstack`: a journey that meets a rate limit fails instead of waiting. */
const UNTHROTTLED = Object.fromEntries(
  ['API', 'LOGINIP', 'LOGINEMAIL', 'REGISTER', 'REFRESH'].map((policy) => [
    `MOVEACCES_GATEWAY_RATELIMITS_${policy}_REQUESTS`,
    '100000000',
  ]),
);

/**
 * Starts the packaged devstack on free ports and fresh data, waits until it reports every
 * application ready and the app served, and stops it (SIGTERM: it stops its own processes) when
 * the journeys are done.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (RUNNING_DEVSTACK !== undefined) {
    await ready(() => null, RUNNING_DEVSTACK);
    return async () => {};
  }
  if (!existsSync(DEVSTACK_JAR)) {
    throw new Error(`${DEVSTACK_JAR} is missing: run the journeys through ./mvnw verify`);
  }
  rmSync(STATUS_FILE, { force: true });
  mkdirSync(path.dirname(OUTPUT), { recursive: true });
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const log = openSync(OUTPUT, 'w');
  const devstack = spawn(
    java,
    ['-jar', DEVSTACK_JAR, '--random-ports', '--fresh', `--data-dir=${DATA_DIR}`],
    { cwd: ROOT, env: { ...process.env, ...UNTHROTTLED }, stdio: ['ignore', log, log] },
  );
  let exited: number | null = null;
  devstack.on('exit', (code) => (exited = code ?? -1));

  const stop = async () => {
    if (exited !== null) return;
    const gone = new Promise<void>((resolve) => devstack.once('exit', () => resolve()));
    devstack.kill('SIGTERM');
    await gone;
  };

  try {
    await ready(() => exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

async function ready(exitCode: () => number | null, statusFile = STATUS_FILE): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (exitCode() !== null) {
      throw new Error(`the devstack ended with code ${exitCode()}:\n${lastLines()}`);
    }
    if (existsSync(statusFile)) {
      const status = JSON.parse(readFileSync(statusFile, 'utf8'));
      if (status.state === 'ready') {
        if (!status.app?.url) {
          throw new Error('the devstack serves no app: mobile/dist was not built');
        }
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the devstack was not ready within ${READY_WITHIN_MS / 1000} s:\n${lastLines()}`);
}

function lastLines(): string {
  return readFileSync(OUTPUT, 'utf8').split('\n').slice(-60).join('\n');
}
