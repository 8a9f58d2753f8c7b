import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import type { SearchQuery, SearchScope } from '../search/types.ts';
import { compartmentOf } from './compartment.ts';
import { IndexWriter } from './indexes.ts';
import { INDEX_VERSION, schema } from './schema.ts';
import { isClinicalType } from '../search/clinical.ts';
import { buildClinicalSql } from './clinical-sql.ts';
import { buildSearchSql } from './search-sql.ts';
import { setKey } from '../json.ts';

type Json = Record<string, unknown>;

export interface StoredResource {
  type: string;
  id: string;
  version: number;
  lastUpdated: string;
  compartment: string | null;
  json: string;
}

export interface PutResult {
  id: string;
  version: number;
  lastUpdated: string;
  created: boolean;
}

export interface SearchRows {
  total?: number;
  rows: StoredResource[];
}

const columns = 'r.type, r.id, r.version, r.last_updated AS lastUpdated, r.compartment, r.json';

/** What opening a store indexed by an older version cost. */
export interface Reindex {
  from: number;
  to: number;
  resources: number;
  ms: number;
}

/** The resource store: current versions only, every write indexed in the same transaction. */
export class FhirStore {
  readonly db: Database.Database;
  /** Set when the file was indexed by an older version and has just been reindexed. */
  readonly reindexed: Reindex | undefined;
  private readonly indexes: IndexWriter;
  private readonly cache = new Map<string, Statement>();
  private readonly stmts;

  constructor(file: string) {
    this.db = new Database(file);
    // WAL: readers never wait for the importer; NORMAL sync is still durable across a process kill.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(schema);
    this.indexes = new IndexWriter(this.db);
    this.reindexed = this.upgrade(file);
    this.stmts = {
      read: this.db.prepare(`SELECT r.rid, ${columns} FROM resource r WHERE type = ? AND id = ?`),
      insert: this.db.prepare(
        'INSERT INTO resource (type, id, version, last_updated, compartment, json) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      update: this.db.prepare(
        'UPDATE resource SET version = ?, last_updated = ?, compartment = ?, json = ? WHERE rid = ?',
      ),
      any: this.db.prepare('SELECT 1 FROM resource LIMIT 1'),
      count: this.db.prepare('SELECT count(*) AS n FROM resource WHERE type = ?'),
      byIdentifier: this.db.prepare(
        'SELECT DISTINCT r.id FROM identifier i JOIN resource r ON r.rid = i.rid WHERE i.value = ? AND i.type = ? AND (? IS NULL OR i.system = ?)',
      ),
    };
  }

  /**
   * Rebuilds every index, and each resource's compartment column, from the stored JSON when the
   * file's index version is older than ours.
   */
  private upgrade(file: string): Reindex | undefined {
    const from = this.db.pragma('user_version', { simple: true }) as number;
    if (from > INDEX_VERSION) {
      throw new Error(
        `${file} was indexed by a newer version of this server (index version ${from}, this one knows ${INDEX_VERSION})`,
      );
    }
    if (from === INDEX_VERSION) return undefined;
    const started = performance.now();
    const page = this.db.prepare(
      'SELECT rid, last_updated AS lastUpdated, compartment, json FROM resource WHERE rid > ? ORDER BY rid LIMIT 1000',
    );
    const setCompartment = this.db.prepare('UPDATE resource SET compartment = ? WHERE rid = ?');
    let resources = 0;
    this.transaction(() => {
      this.indexes.clearAll();
      // In pages: better-sqlite3 cannot write while a statement is still being iterated.
      for (let after = 0; ;) {
        const rows = page.all(after) as {
          rid: number;
          lastUpdated: string;
          compartment: string | null;
          json: string;
        }[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const resource = JSON.parse(row.json) as Json;
          const compartment = compartmentOf(resource) ?? null;
          if (compartment !== row.compartment) setCompartment.run(compartment, row.rid);
          this.indexes.write(row.rid, resource, Date.parse(row.lastUpdated));
        }
        resources += rows.length;
        after = rows[rows.length - 1]?.rid ?? after;
      }
      this.db.pragma(`user_version = ${INDEX_VERSION}`);
    });
    if (resources === 0) return undefined;
    // As after seeding: fresh statistics keep the query planner's choices good.
    this.db.exec('ANALYZE');
    return { from, to: INDEX_VERSION, resources, ms: Math.round(performance.now() - started) };
  }

  read(type: string, id: string): (StoredResource & { rid: number }) | undefined {
    return this.stmts.read.get(type, id) as (StoredResource & { rid: number }) | undefined;
  }

  /**
   * Whether a read resource is in `patient`'s compartment: the column that `compartmentOf` filled,
   * as the search indexes' patient columns were, so a read and a search cannot disagree.
   */
  inCompartment(found: StoredResource, patient: string): boolean {
    return found.compartment === patient;
  }

  /** Ids of `type` resources carrying the identifier (any system when `system` is undefined). */
  findByIdentifier(type: string, system: string | undefined, value: string): string[] {
    const rows = this.stmts.byIdentifier.all(value, type, system ?? null, system ?? null) as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }

  isEmpty(): boolean {
    return this.stmts.any.get() === undefined;
  }

  count(type: string): number {
    return (this.stmts.count.get(type) as { n: number }).n;
  }

  /** Runs `fn` atomically: every write inside commits together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Creates or replaces a resource. `keepMeta` stores the given versionId/lastUpdated (the seed, so
   * its output is byte-for-byte deterministic); otherwise the store assigns them.
   */
  put(resource: Json, options: { keepMeta?: boolean } = {}): PutResult {
    const type = resource['resourceType'] as string;
    const id = typeof resource['id'] === 'string' ? resource['id'] : randomUUID();
    const existing = this.read(type, id);
    const meta = (resource['meta'] as Json | undefined) ?? {};
    const keep = options.keepMeta === true && typeof meta['lastUpdated'] === 'string';
    const version = keep ? Number(meta['versionId'] ?? 1) : (existing?.version ?? 0) + 1;
    const lastUpdated = keep ? (meta['lastUpdated'] as string) : new Date().toISOString();
    // resourceType, id and meta first, as FHIR's own examples order them.
    const stored: Json = {
      resourceType: type,
      id,
      meta: { ...meta, versionId: String(version), lastUpdated },
    };
    for (const [key, value] of Object.entries(resource)) {
      if (key !== 'resourceType' && key !== 'id' && key !== 'meta') setKey(stored, key, value);
    }
    const json = JSON.stringify(stored);
    const compartment = compartmentOf(stored) ?? null;
    let rid: number;
    if (existing) {
      rid = existing.rid;
      this.stmts.update.run(version, lastUpdated, compartment, json, rid);
      this.indexes.clear(rid);
    } else {
      const info = this.stmts.insert.run(type, id, version, lastUpdated, compartment, json);
      rid = Number(info.lastInsertRowid);
    }
    this.indexes.write(rid, stored, Date.parse(lastUpdated));
    return { id, version, lastUpdated, created: !existing };
  }

  search(query: SearchQuery, scope: SearchScope): SearchRows {
    const built = isClinicalType(query.type)
      ? buildClinicalSql(query, scope)
      : buildSearchSql(query, scope);
    const rows = query.summaryCount
      ? []
      : (this.prepare(built.page).all(
          ...(built.pageParams ?? []),
          ...built.params,
          query.count,
          query.offset,
        ) as StoredResource[]);
    const wantTotal = query.summaryCount || query.total === 'accurate';
    if (!wantTotal) return { total: undefined, rows };
    // A page that is not full ends the matches, so it already says how many there are (unless it is
    // empty past the first page: then the matches ended somewhere before it).
    if (
      !query.summaryCount &&
      rows.length < query.count &&
      (rows.length > 0 || query.offset === 0)
    ) {
      return { total: query.offset + rows.length, rows };
    }
    return { total: (this.prepare(built.count).get(...built.params) as { n: number }).n, rows };
  }

  /** Statements are cached by SQL text; values are always bound, so the cache stays small. */
  private prepare(sql: string): Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  close(): void {
    this.db.close();
  }
}
