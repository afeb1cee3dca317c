// Builds dist unless it is newer than every input of the build, so `npm test` can check the
// bundle budget without paying for a build each time.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.app.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const built = join(root, 'dist', 'index.html');
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...inputs.map((input) => join(root, input)).filter(existsSync).map(newest));

if (builtAt >= changedAt) {
  console.log('dist is up to date');
} else {
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
