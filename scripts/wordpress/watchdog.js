// Cleans up after a test process that died without stopping its WordPress site (SIGKILL, crash):
//   node watchdog.js <parent pid> <process-groups.json> <config file> <temp dir>
// Started detached by site.js; polls the parent; when it is gone, kills the process groups listed in
// the JSON file (mariadbd, php -S), removes Debian's config file and the temp folder, and exits.
// site.js kills this watchdog when the site is stopped normally.
import { readFileSync, rmSync } from 'node:fs';

const [parent, groupsFile, configFile, dir] = process.argv.slice(2);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

setInterval(() => {
  if (alive(Number(parent))) return;
  let groups = [];
  try {
    groups = JSON.parse(readFileSync(groupsFile, 'utf8'));
  } catch {
    // nothing started yet, or already cleaned up
  }
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  setTimeout(() => {
    rmSync(configFile, { force: true });
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }, 300);
}, 500);
