-- Mailstore schema, SQLite flavour. Times are epoch milliseconds; booleans 0/1.
-- Message bodies are files in the blob directory (see docs/mailstore.md), named by blob id.

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('uid_validity', 0);

CREATE TABLE domains (
    name       TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL
);

CREATE TABLE mailboxes (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    address          TEXT    NOT NULL UNIQUE,
    domain           TEXT    NOT NULL REFERENCES domains (name),
    password_hash    TEXT,
    state            TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER,
    quota_bytes      INTEGER NOT NULL,
    used_bytes       INTEGER NOT NULL DEFAULT 0,
    message_count    INTEGER NOT NULL DEFAULT 0,
    ordinary_rule    TEXT    NOT NULL,
    forward_to       TEXT,
    deliver_folder   TEXT,
    notify_addresses TEXT    NOT NULL DEFAULT '',
    notify_only_from TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX mailboxes_domain ON mailboxes (domain, address);

CREATE TABLE folders (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    mailbox_id     INTEGER NOT NULL REFERENCES mailboxes (id),
    name           TEXT    NOT NULL,
    uid_validity   INTEGER NOT NULL,
    uid_next       INTEGER NOT NULL,
    highest_modseq INTEGER NOT NULL,
    subscribed     INTEGER NOT NULL,
    special_use    TEXT,
    UNIQUE (mailbox_id, name)
);

CREATE TABLE messages (
    folder_id     INTEGER NOT NULL REFERENCES folders (id),
    uid           INTEGER NOT NULL,
    blob_id       INTEGER NOT NULL,
    size          INTEGER NOT NULL,
    internal_date INTEGER NOT NULL,
    flags         TEXT    NOT NULL,
    seen          INTEGER NOT NULL,
    deleted       INTEGER NOT NULL,
    modseq        INTEGER NOT NULL,
    PRIMARY KEY (folder_id, uid)
) WITHOUT ROWID;
CREATE INDEX messages_modseq ON messages (folder_id, modseq);
CREATE INDEX messages_blob ON messages (blob_id);
CREATE INDEX messages_unseen ON messages (folder_id, uid) WHERE seen = 0;

CREATE TABLE queue (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    blob_id         INTEGER NOT NULL,
    sender          TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    purpose         TEXT    NOT NULL,
    reference       TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    lease_owner     TEXT,
    lease_until     INTEGER,
    last_error      TEXT
);
CREATE INDEX queue_due ON queue (state, next_attempt_at);
CREATE INDEX queue_blob ON queue (blob_id);

CREATE TABLE tracking (
    reference        TEXT    NOT NULL,
    recipient        TEXT    NOT NULL,
    started_at       INTEGER NOT NULL,
    taken_at         INTEGER,
    delivered_at     INTEGER,
    warned_at        INTEGER,
    closed_at        INTEGER,
    context          TEXT    NOT NULL,
    PRIMARY KEY (reference, recipient)
);
CREATE INDEX tracking_open ON tracking (closed_at, started_at);

CREATE TABLE claims (
    claim_key  TEXT PRIMARY KEY,
    claimed_at INTEGER NOT NULL
);

CREATE TABLE legal_log (
    seq            INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL,
    identificativo TEXT    NOT NULL,
    event_time     INTEGER NOT NULL,
    event_type     TEXT    NOT NULL,
    sender         TEXT    NOT NULL,
    recipients     TEXT    NOT NULL,
    subject        TEXT    NOT NULL,
    related        TEXT    NOT NULL,
    peer_provider  TEXT,
    detail         TEXT,
    prev_hash      TEXT    NOT NULL,
    hash           TEXT    NOT NULL
);
CREATE INDEX legal_log_identificativo ON legal_log (identificativo);
CREATE INDEX legal_log_time ON legal_log (event_time);

CREATE TABLE legal_log_addresses (
    address TEXT    NOT NULL,
    seq     INTEGER NOT NULL,
    PRIMARY KEY (address, seq)
) WITHOUT ROWID;

-- the newest record's sequence and hash: removing records at the end of the chain shows up here
CREATE TABLE legal_log_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO legal_log_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
