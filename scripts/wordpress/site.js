// A real WordPress site on 127.0.0.1 for `npm run test:wordpress`, from Debian's packages.
//
//   const site = await startWordPress({ port: 0 });
//   site.url            'http://127.0.0.1:PORT' (no trailing slash)
//   site.posts          { open, closed, plain }: post ids (open has a featured image, a category, tags
//                       and one approved comment; closed has comments closed; plain has no image)
//   site.stories        with startWordPress({ stories: true }) only (null otherwise): { posts: { story,
//                       awkward }, authorId, categoryId, media: { featured, block, caption } } — the
//                       reference article for <news-story> and an awkward one (see cli.php stories)
//   site.version        e.g. '6.1.9'; site.recordedWith 'WordPress 6.1.9 (Debian 6.1.9+dfsg1-0+deb12u1)'
//   site.staticDir      a temp folder served at `${site.url}/__news-elements/…` (same origin as WordPress)
//   site.setFlood(on)   WordPress's flood control on/off (off by default: every request is from 127.0.0.1)
//   site.setControl({ anonymousRest: false })  anonymous REST comments refused, as in stock WordPress
//   site.setControl({ html5Captions: false })  [caption] as <div>/<p> instead of <figure>/<figcaption>
//   site.setOption(name, value), site.approveComment(id), site.getComment(id), site.findComments(text),
//   site.cli(command, args)
//   await site.stop()   kills both process groups, removes the temp folder and the Debian config file
//
// What it runs, all under one temp folder (nothing under /etc but Debian's config file, removed at stop):
//   packages   apt-get install (only when one is missing; needs root) — see PACKAGES
//   MariaDB    mariadb-install-db into <tmp>/db, then mariadbd --skip-networking with its socket in <tmp>,
//              in its own process group
//   config     /etc/wordpress/config-<name>.php, which Debian's wp-config.php loads when WORDPRESS_CONFIG
//              is <name> (router.php and cli.php set it), so the host's own config-<host>.php files are
//              never touched. WP_CONTENT_DIR is <tmp>/wp-content (uploads, mu-plugins).
//   install    cli.php install: wp_install() + fixed posts, an uploaded JPEG with its sizes (php-gd), …
//              and with { stories: true } cli.php stories: two more posts, three uploads (after the
//              others, so the ids of the posts every site has do not change)
//   server     php -S 127.0.0.1:PORT -t /usr/share/wordpress router.php, PHP_CLI_SERVER_WORKERS=4, own group
// A watchdog process kills both groups and cleans up if this process dies without calling stop()
// (SIGKILL, crash); SIGINT/SIGTERM/exit are handled here too.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

export const PACKAGES = ['wordpress', 'mariadb-server', 'php-cli', 'php-mysql', 'php-xml', 'php-mbstring', 'php-curl', 'php-gd'];
export const WORDPRESS_ROOT = '/usr/share/wordpress';
const CONFIG_DIR = '/etc/wordpress';

/** Packages of PACKAGES not installed (dpkg's view). */
export function missingPackages() {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...PACKAGES], { encoding: 'utf8' });
  const installed = new Set(
    (result.stdout ?? '')
      .split('\n')
      .filter((line) => line.endsWith(' installed'))
      .map((line) => line.split(' ')[0]),
  );
  return PACKAGES.filter((name) => !installed.has(name));
}

/** Installs the Debian packages WordPress needs unless all are there. Returns seconds spent (0 if none). */
export function ensurePackages({ log = console.log } = {}) {
  const missing = missingPackages();
  if (missing.length === 0) return 0;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `test:wordpress needs Debian packages that are not installed: ${missing.join(' ')}.\n` +
        `Install them as root (or run this as root, as .ci/run does):\n` +
        `  apt-get update && apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`,
    );
  }
  const started = Date.now();
  log(`[wordpress] installing from Debian: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // A fresh machine has no package lists; an old list may name versions the mirror no longer has.
  const update = apt(['update', '-qq']);
  if (update.status !== 0) throw new Error(`apt-get update failed:\n${update.stdout}${update.stderr}`);
  const install = apt(['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES]);
  if (install.status !== 0) throw new Error(`apt-get install failed:\n${install.stdout}${install.stderr}`);
  const left = missingPackages();
  if (left.length) throw new Error(`apt-get install left packages missing: ${left.join(' ')}`);
  const seconds = (Date.now() - started) / 1000;
  log(`[wordpress] packages installed in ${seconds.toFixed(1)} s`);
  return seconds;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// Every site of this process, so signal and exit handlers can clean up what stop() did not.
const live = new Set();
let handlersInstalled = false;
function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('exit', () => {
    for (const site of live) site.stopSync();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      for (const site of live) site.stopSync();
      process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 })[signal]);
    });
  }
}

function killGroup(child, signal = 'SIGKILL') {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function exited(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', r));
}

/**
 * Starts a fresh WordPress site (new database, new content folder) and resolves when it answers HTTP.
 * `stories: true` adds the story posts (site.stories); they are not on every site because they would
 * change the post listings other tests record (x-wp-total, the newest posts).
 * @param {{ port?: number, stories?: boolean, log?: (line: string) => void }} [options]
 */
export async function startWordPress({ port = 0, stories = false, log = () => {} } = {}) {
  const started = Date.now();
  ensurePackages({ log: (line) => console.log(line) });
  if (!existsSync(join(WORDPRESS_ROOT, 'wp-config.php'))) throw new Error(`${WORDPRESS_ROOT}/wp-config.php is missing`);

  const dir = mkdtempSync(join(tmpdir(), 'news-wp-'));
  const name = `news-elements-${process.pid}-${randomBytes(4).toString('hex')}`;
  const configFile = join(CONFIG_DIR, `config-${name}.php`);
  const contentDir = join(dir, 'wp-content');
  const staticDir = join(dir, 'static');
  const socket = join(dir, 'mysqld.sock');
  const controlFile = join(dir, 'control.json');
  const phpLog = join(dir, 'php-error.log');
  const dbLog = join(dir, 'mariadb.log');
  const groupsFile = join(dir, 'process-groups.json');
  const groups = [];
  for (const sub of ['db', 'wp-content/mu-plugins', 'wp-content/uploads', 'wp-content/plugins', 'wp-content/themes', 'static']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  let control = { flood: false, anonymousRest: true, html5Captions: Boolean(stories) };
  writeFileSync(controlFile, JSON.stringify(control));
  copyFileSync(join(here, 'mu-plugin.php'), join(contentDir, 'mu-plugins', 'news-elements-test.php'));

  let db = null;
  let php = null;
  let watchdog = null;
  let stopped = false;

  const site = {
    dir,
    staticDir,
    url: '',
    port: 0,
    version: '',
    recordedWith: '',
    posts: { open: 0, closed: 0, plain: 0 },
    stories: null,
    attachmentId: 0,
    categoryId: 0,
    /** Synchronous cleanup for exit/signal handlers. */
    stopSync() {
      if (stopped) return;
      stopped = true;
      live.delete(site);
      killGroup(php);
      killGroup(db);
      killGroup(watchdog);
      rmSync(configFile, { force: true });
      rmSync(dir, { recursive: true, force: true });
    },
    async stop() {
      if (stopped) return;
      killGroup(php);
      killGroup(db);
      await Promise.all([exited(php), exited(db)]);
      site.stopSync();
    },
    /** Runs a command of cli.php (install, stories, option-set, comment-approve, comment-get, comments-find); returns its JSON. */
    cli(command, args = {}) {
      const result = spawnSync('php', ['-d', 'display_errors=stderr', '-d', `error_log=${phpLog}`, join(here, 'cli.php'), name, command, JSON.stringify(args)], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      if (result.status !== 0) {
        throw new Error(`php cli.php ${command} failed (${result.status}):\n${result.stderr}${result.stdout}\n${tail(phpLog)}`);
      }
      return JSON.parse(result.stdout.trim().split('\n').pop());
    },
    setOption(option, value) {
      return site.cli('option-set', { name: option, value });
    },
    approveComment(id) {
      return site.cli('comment-approve', { id });
    },
    getComment(id) {
      return site.cli('comment-get', { id });
    },
    /** Comments (any status) whose text is exactly `content`: [{ id, approved, author, email, post }]. */
    findComments(content) {
      return site.cli('comments-find', { content });
    },
    /**
     * Switches of the must-use plugin, read on every request: `flood` (WordPress's own flood control,
     * default off), `anonymousRest` (rest_allow_anonymous_comments, default on) and `html5Captions`
     * (add_theme_support('html5', ['caption', 'gallery']), default on only for a story site).
     */
    setControl(changes) {
      control = { ...control, ...changes };
      writeFileSync(controlFile, JSON.stringify(control));
    },
    setFlood(on) {
      site.setControl({ flood: Boolean(on) });
    },
  };
  live.add(site);
  installHandlers();

  try {
    // 1. MariaDB, private: own data folder, socket only.
    let step = Date.now();
    const install = spawnSync(
      'mariadb-install-db',
      ['--no-defaults', `--datadir=${join(dir, 'db')}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve'],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`mariadb-install-db failed:\n${install.stdout}${install.stderr}`);
    db = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(dir, 'db')}`,
        `--socket=${socket}`,
        `--pid-file=${join(dir, 'mariadbd.pid')}`,
        `--log-error=${dbLog}`,
        '--skip-networking',
        '--skip-log-bin',
        '--user=root',
        '--innodb-buffer-pool-size=64M',
        '--innodb-flush-log-at-trx-commit=0',
        '--innodb-doublewrite=0',
      ],
      { detached: true, stdio: 'ignore' },
    );
    groups.push(db.pid);
    writeFileSync(groupsFile, JSON.stringify(groups));
    // The watchdog outlives us only long enough to clean up if we die without stop() (SIGKILL, crash).
    watchdog = spawn(process.execPath, [join(here, 'watchdog.js'), String(process.pid), groupsFile, configFile, dir], { detached: true, stdio: 'ignore' });
    watchdog.unref();
    const sql = [
      "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci",
      "CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress'",
      "GRANT ALL ON wordpress.* TO 'wordpress'@'localhost'",
    ].join('; ');
    for (let attempt = 0; ; attempt++) {
      if (db.exitCode !== null) throw new Error(`mariadbd exited (${db.exitCode}):\n${tail(dbLog)}`);
      const created = spawnSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', sql], { encoding: 'utf8' });
      if (created.status === 0) break;
      if (attempt > 300) throw new Error(`MariaDB did not accept connections in 30 s:\n${created.stderr}\n${tail(dbLog)}`);
      await sleep(100);
    }
    log(`[wordpress] MariaDB ready in ${((Date.now() - step) / 1000).toFixed(1)} s`);

    // 2. Debian's per-site config file (loaded by /usr/share/wordpress/wp-config.php).
    site.port = port || (await freePort());
    site.url = `http://127.0.0.1:${site.port}`;
    const salt = () => randomBytes(24).toString('hex');
    const define = (key, value) => `define(${JSON.stringify(key)}, ${typeof value === 'string' ? `'${value.replace(/[\\']/g, '\\$&')}'` : JSON.stringify(value)});`;
    writeFileSync(
      configFile,
      [
        '<?php',
        `// Written by news-elements scripts/wordpress/site.js for a test site in ${dir}; removed when it stops.`,
        define('DB_NAME', 'wordpress'),
        define('DB_USER', 'wordpress'),
        define('DB_PASSWORD', 'wordpress'),
        define('DB_HOST', `localhost:${socket}`),
        define('DB_CHARSET', 'utf8mb4'),
        define('WP_HOME', site.url),
        define('WP_SITEURL', site.url),
        define('WP_CONTENT_DIR', contentDir),
        define('WP_CONTENT_URL', `${site.url}/wp-content`),
        define('NEWS_ELEMENTS_CONTROL_FILE', controlFile),
        ...['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((key) => define(key, salt())),
        define('WP_DEBUG', false),
        define('DISABLE_WP_CRON', true),
        define('AUTOMATIC_UPDATER_DISABLED', true),
        define('WP_HTTP_BLOCK_EXTERNAL', true),
        "$table_prefix = 'wp_';",
        '',
      ].join('\n'),
    );

    // 3. The site itself, installed from the PHP CLI (not the web installer).
    step = Date.now();
    const installed = site.cli('install', { image: join(repo, 'demo/images/crocus-1200.jpg') });
    Object.assign(site, { version: installed.version, posts: installed.posts, attachmentId: installed.attachmentId, categoryId: installed.categoryId });
    const debianVersion = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'wordpress'], { encoding: 'utf8' }).trim();
    site.recordedWith = `WordPress ${site.version} (Debian ${debianVersion})`;
    if (stories) {
      site.stories = site.cli('stories', {
        images: {
          featured: join(repo, 'demo/images/crocus-1200.jpg'),
          block: join(repo, 'demo/images/related-hills.jpg'),
          caption: join(repo, 'demo/images/related-city.jpg'),
        },
      });
    }
    log(`[wordpress] WordPress ${site.version} installed in ${((Date.now() - step) / 1000).toFixed(1)} s`);

    // 4. The web server.
    step = Date.now();
    php = spawn(
      'php',
      ['-d', 'display_errors=0', '-d', 'log_errors=1', '-d', `error_log=${phpLog}`, '-S', `127.0.0.1:${site.port}`, '-t', WORDPRESS_ROOT, join(here, 'router.php')],
      {
        detached: true,
        stdio: 'ignore',
        env: {
          ...process.env,
          PHP_CLI_SERVER_WORKERS: '4',
          NEWS_WP_CONFIG: name,
          NEWS_WP_CONTENT_DIR: contentDir,
          NEWS_WP_STATIC_DIR: staticDir,
        },
      },
    );
    groups.push(php.pid);
    writeFileSync(groupsFile, JSON.stringify(groups));
    for (let attempt = 0; ; attempt++) {
      if (php.exitCode !== null) throw new Error(`php -S exited (${php.exitCode}):\n${tail(phpLog)}`);
      try {
        const res = await fetch(`${site.url}/wp-json/`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) {
          await res.arrayBuffer();
          break;
        }
        if (attempt > 100) throw new Error(`WordPress answers ${res.status} to /wp-json/:\n${(await res.text()).slice(0, 2000)}\n${tail(phpLog)}`);
      } catch (error) {
        if (attempt > 100) throw new Error(`WordPress did not answer on ${site.url} in 20 s: ${error.message}\n${tail(phpLog)}`);
      }
      await sleep(100);
    }
    log(`[wordpress] serving ${site.url} (${((Date.now() - step) / 1000).toFixed(1)} s); ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return site;
  } catch (error) {
    await site.stop();
    throw error;
  }
}
