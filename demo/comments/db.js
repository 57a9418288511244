// Comment storage for the demo server: one embedded SQLite database file (better-sqlite3), in WAL
// mode, kept across restarts. Text is stored exactly as the commenter sent it (after trimming);
// it is escaped when it leaves the server (see render.js), never when it is stored.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** @typedef {'approved' | 'hold' | 'spam' | 'trash'} CommentStatus */

/**
 * A stored comment.
 * @typedef {object} CommentRow
 * @property {number} id
 * @property {number} post_id
 * @property {number} parent_id
 * @property {string} author_name plain text (tags stripped, spaces collapsed), not escaped
 * @property {string} author_email
 * @property {string} author_url '' or an absolute http(s) URL
 * @property {string} author_ip
 * @property {string} user_agent
 * @property {string} content plain text as typed (trimmed), not escaped
 * @property {CommentStatus} status
 * @property {string} date_gmt 'YYYY-MM-DDTHH:MM:SS' (UTC, like WordPress's date_gmt)
 * @property {number} created_ms
 */

/**
 * @typedef {object} NewComment
 * @property {number} post_id
 * @property {number} parent_id
 * @property {string} author_name
 * @property {string} author_email
 * @property {string} author_url
 * @property {string} author_ip
 * @property {string} user_agent
 * @property {string} content
 * @property {CommentStatus} status
 * @property {number} created_ms
 */

const SCHEMA_VERSION = 1;

/** The file name of the database inside the data folder. */
export const DB_FILE = 'comments.sqlite';

/** @param {number} ms */
export function toGmtDate(ms) {
  return new Date(ms).toISOString().slice(0, 19);
}

export class CommentStore {
  /**
   * Opens (and creates when needed) `<dataDir>/comments.sqlite`.
   * @param {string} dataDir
   */
  constructor(dataDir) {
    mkdirSync(dataDir, { recursive: true });
    /** The database file's path. */
    this.file = join(dataDir, DB_FILE);
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.#migrate();
    this.secret = this.#secret();
    const db = this.db;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO comments (post_id, parent_id, author_name, author_email, author_url, author_ip, user_agent, content, status, date_gmt, created_ms)
         VALUES (@post_id, @parent_id, @author_name, @author_email, @author_url, @author_ip, @user_agent, @content, @status, @date_gmt, @created_ms)`,
      ),
      get: db.prepare('SELECT * FROM comments WHERE id = ?'),
      // WordPress's duplicate check (wp_allow_comment): same post, same parent, not trashed,
      // same author name (and the same email when one is given), same content.
      duplicate: db.prepare(
        `SELECT id FROM comments WHERE post_id = @post_id AND parent_id = @parent_id AND status != 'trash'
         AND author_name = @author_name AND (@author_email = '' OR author_email = @author_email) AND content = @content LIMIT 1`,
      ),
      // WordPress's flood check (wp_check_comment_flood): the latest comment in the last hour from
      // the same IP or the same email, whatever its status.
      lastFrom: db.prepare(
        `SELECT MAX(created_ms) AS last FROM comments WHERE created_ms >= @since
         AND (author_ip = @author_ip OR (@author_email != '' AND author_email = @author_email))`,
      ),
      // WordPress's comment_previously_approved: an author with an approved comment is trusted.
      previouslyApproved: db.prepare(
        `SELECT 1 FROM comments WHERE author_name = @author_name AND author_email = @author_email AND status = 'approved' LIMIT 1`,
      ),
      children: db.prepare(`SELECT COUNT(*) AS n FROM comments WHERE parent_id = ? AND status = 'approved'`),
    };
  }

  #migrate() {
    const version = this.db.pragma('user_version', { simple: true });
    if (version >= SCHEMA_VERSION) return;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS comments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        post_id INTEGER NOT NULL,
        parent_id INTEGER NOT NULL DEFAULT 0,
        author_name TEXT NOT NULL,
        author_email TEXT NOT NULL,
        author_url TEXT NOT NULL,
        author_ip TEXT NOT NULL,
        user_agent TEXT NOT NULL,
        content TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('approved', 'hold', 'spam', 'trash')),
        date_gmt TEXT NOT NULL,
        created_ms INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS comments_by_post ON comments (post_id, status, created_ms);
      CREATE INDEX IF NOT EXISTS comments_by_time ON comments (created_ms);
      CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      PRAGMA user_version = ${SCHEMA_VERSION};
    `);
  }

  /** A per-database secret for moderation hashes (WordPress's wp_hash). */
  #secret() {
    const row = this.db.prepare(`SELECT value FROM settings WHERE name = 'secret'`).get();
    if (row) return /** @type {{ value: string }} */ (row).value;
    const value = randomBytes(32).toString('hex');
    this.db.prepare(`INSERT INTO settings (name, value) VALUES ('secret', ?)`).run(value);
    return value;
  }

  /**
   * @param {number} id
   * @returns {CommentRow | null}
   */
  get(id) {
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    return /** @type {CommentRow | undefined} */ (this.statements.get.get(id)) ?? null;
  }

  /**
   * @param {{ post_id: number, parent_id: number, author_name: string, author_email: string, content: string }} comment
   * @returns {number | null} the ID of an existing identical comment
   */
  findDuplicate(comment) {
    const row = /** @type {{ id: number } | undefined} */ (
      this.statements.duplicate.get({
        post_id: comment.post_id,
        parent_id: comment.parent_id,
        author_name: comment.author_name,
        author_email: comment.author_email,
        content: comment.content,
      })
    );
    return row?.id ?? null;
  }

  /**
   * When the last comment from this IP or email was made (within the last hour), or null.
   * @param {string} ip
   * @param {string} email
   * @param {number} now
   * @returns {number | null}
   */
  lastCommentTime(ip, email, now) {
    const row = /** @type {{ last: number | null }} */ (
      this.statements.lastFrom.get({ since: now - 3600_000, author_ip: ip, author_email: email })
    );
    return row.last ?? null;
  }

  /**
   * @param {string} name
   * @param {string} email
   */
  hasApprovedComment(name, email) {
    if (!email) return false;
    return !!this.statements.previouslyApproved.get({ author_name: name, author_email: email });
  }

  /** @param {number} id */
  hasChildren(id) {
    return /** @type {{ n: number }} */ (this.statements.children.get(id)).n > 0;
  }

  /**
   * Inserts a comment and returns it as stored.
   * @param {NewComment} comment
   * @returns {CommentRow}
   */
  insert(comment) {
    const info = this.statements.insert.run({ ...comment, date_gmt: toGmtDate(comment.created_ms) });
    return /** @type {CommentRow} */ (this.get(Number(info.lastInsertRowid)));
  }

  /**
   * Runs `fn` in one transaction (check-then-insert stays atomic).
   * @template T
   * @param {() => T} fn
   * @returns {T}
   */
  transaction(fn) {
    return this.db.transaction(fn)();
  }

  /**
   * A page of comments with one of the given statuses, and how many there are in all.
   * @param {object} query
   * @param {number[]} [query.posts] only these posts (empty or missing: all)
   * @param {number[]} [query.parents] only replies to these comments (0: top level)
   * @param {CommentStatus[]} [query.statuses]
   * @param {'asc' | 'desc'} [query.order]
   * @param {'created_ms' | 'id' | 'post_id' | 'parent_id'} [query.orderBy]
   * @param {number} [query.limit]
   * @param {number} [query.offset]
   * @returns {{ rows: CommentRow[], total: number }}
   */
  list({ posts = [], parents = [], statuses = ['approved'], order = 'desc', orderBy = 'created_ms', limit = 10, offset = 0 } = {}) {
    const where = [];
    /** @type {unknown[]} */
    const params = [];
    if (posts.length) {
      where.push(`post_id IN (${posts.map(() => '?').join(', ')})`);
      params.push(...posts);
    }
    if (parents.length) {
      where.push(`parent_id IN (${parents.map(() => '?').join(', ')})`);
      params.push(...parents);
    }
    where.push(`status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
    const clause = `WHERE ${where.join(' AND ')}`;
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const column = ['created_ms', 'id', 'post_id', 'parent_id'].includes(orderBy) ? orderBy : 'created_ms';
    const total = /** @type {{ n: number }} */ (this.db.prepare(`SELECT COUNT(*) AS n FROM comments ${clause}`).get(...params)).n;
    // SQLite refuses a LIMIT or OFFSET beyond 64-bit integers (`?page=1e20`): past the end is simply empty.
    const whole = (/** @type {number} */ n) => Math.min(Math.max(0, Math.trunc(n) || 0), Number.MAX_SAFE_INTEGER);
    const rows = /** @type {CommentRow[]} */ (
      this.db
        .prepare(`SELECT * FROM comments ${clause} ORDER BY ${column} ${direction}, id ${direction} LIMIT ? OFFSET ?`)
        .all(...params, whole(limit), whole(offset))
    );
    return { rows, total };
  }

  close() {
    if (this.db.open) this.db.close();
  }
}
