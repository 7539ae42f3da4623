-- Mailstore schema, PostgreSQL flavour. Times are epoch milliseconds; booleans 0/1 (shared SQL with SQLite).
-- Message bodies are chunked bytea rows (blobs, blob_chunks) so that every node sees them.

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('uid_validity', 0);

CREATE TABLE domains (
    name       TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);

CREATE TABLE mailboxes (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    address          TEXT    NOT NULL UNIQUE,
    domain           TEXT    NOT NULL REFERENCES domains (name),
    password_hash    TEXT,
    state            TEXT    NOT NULL,
    created_at       BIGINT NOT NULL,
    expires_at       BIGINT,
    quota_bytes      BIGINT NOT NULL,
    used_bytes       BIGINT NOT NULL DEFAULT 0,
    message_count    BIGINT NOT NULL DEFAULT 0,
    ordinary_rule    TEXT    NOT NULL,
    forward_to       TEXT,
    deliver_folder   TEXT,
    notify_addresses TEXT    NOT NULL DEFAULT '',
    notify_only_from TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX mailboxes_domain ON mailboxes (domain, address);

CREATE TABLE folders (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mailbox_id     BIGINT NOT NULL REFERENCES mailboxes (id),
    name           TEXT    NOT NULL,
    uid_validity   BIGINT NOT NULL,
    uid_next       BIGINT NOT NULL,
    highest_modseq BIGINT NOT NULL,
    subscribed     BIGINT NOT NULL,
    special_use    TEXT,
    UNIQUE (mailbox_id, name)
);

CREATE TABLE messages (
    folder_id     BIGINT NOT NULL REFERENCES folders (id),
    uid           BIGINT NOT NULL,
    blob_id       BIGINT NOT NULL,
    size          BIGINT NOT NULL,
    internal_date BIGINT NOT NULL,
    flags         TEXT    NOT NULL,
    seen          BIGINT NOT NULL,
    deleted       BIGINT NOT NULL,
    modseq        BIGINT NOT NULL,
    PRIMARY KEY (folder_id, uid)
);
CREATE INDEX messages_modseq ON messages (folder_id, modseq);
CREATE INDEX messages_blob ON messages (blob_id);
CREATE INDEX messages_unseen ON messages (folder_id, uid) WHERE seen = 0;

CREATE TABLE queue (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    blob_id         BIGINT NOT NULL,
    sender          TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    purpose         TEXT    NOT NULL,
    reference       TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    lease_owner     TEXT,
    lease_until     BIGINT,
    last_error      TEXT
);
CREATE INDEX queue_due ON queue (state, next_attempt_at);
CREATE INDEX queue_blob ON queue (blob_id);

CREATE TABLE tracking (
    reference        TEXT    NOT NULL,
    recipient        TEXT    NOT NULL,
    started_at       BIGINT NOT NULL,
    taken_at         BIGINT,
    delivered_at     BIGINT,
    warned_at        BIGINT,
    closed_at        BIGINT,
    context          TEXT    NOT NULL,
    PRIMARY KEY (reference, recipient)
);
CREATE INDEX tracking_open ON tracking (closed_at, started_at);

CREATE TABLE claims (
    claim_key  TEXT PRIMARY KEY,
    claimed_at BIGINT NOT NULL
);

CREATE TABLE legal_log (
    seq            BIGINT PRIMARY KEY,
    kind           TEXT    NOT NULL,
    identificativo TEXT    NOT NULL,
    event_time     BIGINT NOT NULL,
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
    seq     BIGINT NOT NULL,
    PRIMARY KEY (address, seq)
);

-- the newest record's sequence and hash: removing records at the end of the chain shows up here
CREATE TABLE legal_log_head (
    id   BIGINT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO legal_log_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE blobs (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    size       BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE blob_chunks (
    blob_id BIGINT NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    data    BYTEA   NOT NULL,
    PRIMARY KEY (blob_id, seq)
);

-- a message may only point at a body that exists; the lock this takes also orders a body's removal after
-- any transaction that is adding a reference to it
ALTER TABLE messages ADD CONSTRAINT messages_blob_fk FOREIGN KEY (blob_id) REFERENCES blobs (id);
CREATE INDEX queue_pending ON queue (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX queue_leased ON queue (lease_until) WHERE state = 'LEASED';
