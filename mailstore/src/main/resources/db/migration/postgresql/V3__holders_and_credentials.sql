-- Issue 7 (operations): the holder's identity and recovery contacts, the history of password hashes (no reuse of
-- the last N passwords), and hashed one-off or bearer credentials (API tokens, holder sessions, reset links,
-- confirmation codes). Secrets themselves are never stored: only their SHA-256.
ALTER TABLE mailboxes ADD COLUMN tax_code TEXT;
ALTER TABLE mailboxes ADD COLUMN recovery_email TEXT;
ALTER TABLE mailboxes ADD COLUMN recovery_phone TEXT;
CREATE INDEX mailboxes_expiry ON mailboxes (expires_at);

CREATE TABLE password_history (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mailbox_id BIGINT  NOT NULL REFERENCES mailboxes (id),
    hash       TEXT    NOT NULL,
    set_at     BIGINT  NOT NULL
);
CREATE INDEX password_history_mailbox ON password_history (mailbox_id, id);

CREATE TABLE credentials (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT    NOT NULL,
    secret_hash TEXT    NOT NULL UNIQUE,
    subject     TEXT    NOT NULL,
    scope       TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT
);
CREATE INDEX credentials_subject ON credentials (kind, subject);
CREATE INDEX credentials_expiry ON credentials (expires_at);
