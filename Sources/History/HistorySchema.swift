import Foundation
import GRDB

/// Versioned migrations. A migration never rewrites or drops user data.
enum HistorySchema {
    /// `library`: the folder holding the database, whose `images/` is Darkroom's own.
    static func migrator(library: String) -> DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-jobs-results-tags-fts") { db in
            try db.execute(sql: """
                CREATE TABLE job (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  taskUUID TEXT NOT NULL UNIQUE,
                  createdAt REAL NOT NULL,
                  startedAt REAL,
                  finishedAt REAL,
                  status TEXT NOT NULL,
                  reason TEXT,
                  model TEXT NOT NULL,
                  positivePrompt TEXT NOT NULL,
                  negativePrompt TEXT,
                  width INTEGER,
                  height INTEGER,
                  seed TEXT,
                  delivery TEXT NOT NULL,
                  requestJSON TEXT NOT NULL,
                  loras TEXT NOT NULL DEFAULT '',
                  controlNets TEXT NOT NULL DEFAULT '',
                  cost REAL,
                  favourite INTEGER NOT NULL DEFAULT 0,
                  parentID INTEGER REFERENCES job(id) ON DELETE SET NULL,
                  lineage TEXT
                );
                CREATE INDEX job_created ON job(createdAt DESC);
                CREATE INDEX job_status ON job(status);
                CREATE INDEX job_model ON job(model);
                CREATE TABLE result (
                  jobID INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
                  idx INTEGER NOT NULL,
                  imageUUID TEXT,
                  seed TEXT,
                  path TEXT NOT NULL,
                  width INTEGER,
                  height INTEGER,
                  format TEXT NOT NULL,
                  bytes INTEGER NOT NULL,
                  nsfw INTEGER,
                  cost REAL,
                  responseJSON TEXT NOT NULL,
                  PRIMARY KEY (jobID, idx)
                );
                CREATE TABLE tag (
                  jobID INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
                  name TEXT NOT NULL,
                  PRIMARY KEY (jobID, name)
                );
                CREATE INDEX tag_name ON tag(name);
                CREATE VIRTUAL TABLE job_fts USING fts5(
                  positivePrompt, negativePrompt, model, loras, controlNets,
                  content='job', content_rowid='id', tokenize='porter unicode61'
                );
                CREATE TRIGGER job_fts_insert AFTER INSERT ON job BEGIN
                  INSERT INTO job_fts(rowid, positivePrompt, negativePrompt, model, loras, controlNets)
                  VALUES (new.id, new.positivePrompt, new.negativePrompt, new.model, new.loras, new.controlNets);
                END;
                CREATE TRIGGER job_fts_delete AFTER DELETE ON job BEGIN
                  INSERT INTO job_fts(job_fts, rowid, positivePrompt, negativePrompt, model, loras, controlNets)
                  VALUES ('delete', old.id, old.positivePrompt, old.negativePrompt, old.model, old.loras, old.controlNets);
                END;
                CREATE TRIGGER job_fts_update AFTER UPDATE OF positivePrompt, negativePrompt, model, loras, controlNets ON job BEGIN
                  INSERT INTO job_fts(job_fts, rowid, positivePrompt, negativePrompt, model, loras, controlNets)
                  VALUES ('delete', old.id, old.positivePrompt, old.negativePrompt, old.model, old.loras, old.controlNets);
                  INSERT INTO job_fts(rowid, positivePrompt, negativePrompt, model, loras, controlNets)
                  VALUES (new.id, new.positivePrompt, new.negativePrompt, new.model, new.loras, new.controlNets);
                END;
                """)
        }
        m.registerMigration("v2-owner-process") { db in
            // The process that runs a job, so start-up recovery leaves live jobs of other processes alone.
            try db.execute(sql: "ALTER TABLE job ADD COLUMN ownerPID INTEGER")
        }
        m.registerMigration("v3-ratings-saved-searches") { db in
            // A rating 0-5 per job (0: not rated), and searches kept by name (`@name` in a query).
            try db.execute(sql: """
                ALTER TABLE job ADD COLUMN rating INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX job_rating ON job(rating);
                CREATE TABLE saved_search (
                  name TEXT PRIMARY KEY,
                  query TEXT NOT NULL,
                  createdAt REAL NOT NULL
                );
                """)
        }
        m.registerMigration("v4-stacks") { db in
            // Jobs whose requests differ only in seed share a key: the History screen stacks them.
            try db.execute(sql: "ALTER TABLE job ADD COLUMN variantKey TEXT")
            let rows = try Row.fetchAll(db, sql: "SELECT id, requestJSON FROM job")
            let update = try db.makeStatement(sql: "UPDATE job SET variantKey = ? WHERE id = ?")
            for row in rows {
                let json: String = row["requestJSON"]
                try update.execute(arguments: [HistoryStore.variantKey(json), row["id"] as Int64])
            }
            try db.execute(sql: "CREATE INDEX job_variant ON job(variantKey, id)")
        }
        m.registerMigration("v5-parent-index") { db in
            // Deleting a job sets its children's parentID to NULL: without this index every delete
            // read the whole table (1,000 deletions out of 100,000 jobs took a minute), and the
            // lineage's children were found the same way.
            try db.execute(sql: "CREATE INDEX job_parent ON job(parentID)")
        }
        m.registerMigration("v6-file-ownership-removals") { db in
            // Whose file a result names: Darkroom's (it wrote it) or the user's (imported where it
            // lies, which deleting the job must leave alone). Imports outside the images folder
            // were the user's files; those `check --repair` found in the images folder are ours.
            // And the files of deleted jobs not yet removed: a delete killed half-way is finished by
            // the next start instead of leaving files that `check --repair` would bring back.
            let images = (library as NSString).appendingPathComponent("images") + "/"
            // `origin`: where an imported image was found (the path itself, or what `--copy` copied),
            // so importing the same file again names the job that has it.
            try db.execute(sql: "ALTER TABLE result ADD COLUMN owned INTEGER NOT NULL DEFAULT 1")
            try db.execute(sql: "ALTER TABLE result ADD COLUMN origin TEXT")
            let prefix = HistoryStore.importedReasonPrefix
            try db.execute(sql: """
                UPDATE result SET owned = 0
                  WHERE jobID IN (SELECT id FROM job WHERE substr(reason, 1, ?) = ?) AND substr(path, 1, ?) <> ?
                """, arguments: [prefix.unicodeScalars.count, prefix, images.unicodeScalars.count, images])
            try db.execute(sql: """
                UPDATE result SET origin = path WHERE jobID IN (SELECT id FROM job WHERE substr(reason, 1, ?) = ?)
                """, arguments: [prefix.unicodeScalars.count, prefix])
            try db.execute(sql: """
                CREATE INDEX result_path ON result(path);
                CREATE INDEX result_origin ON result(origin);
                CREATE TABLE removal (
                  path TEXT PRIMARY KEY,
                  recordedAt REAL NOT NULL
                );
                """)
        }
        return m
    }
}
