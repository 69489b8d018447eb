-- The tripwire's tables (versions 100.x belong to the tripwire; see store/README.md).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

-- One row per run of `vantage tripwire`: which ports it watched, when, and how many events it
-- could not record (the published record shows that number, so no loss is silent).
CREATE TABLE decoy_run (
    id            UUID PRIMARY KEY,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    alive_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at    TIMESTAMP WITH TIME ZONE,
    ports         VARCHAR(2000) NOT NULL,
    banners       VARCHAR(2000) NOT NULL,
    connections   BIGINT NOT NULL,
    dropped       BIGINT NOT NULL
);

-- One row per connection, or per burst of connections refused at once (attempts > 1).
-- first_bytes holds what the client sent (at most a few KB) with passwords cut out.
CREATE TABLE decoy_event (
    id             UUID PRIMARY KEY,
    run_id         UUID NOT NULL REFERENCES decoy_run (id),
    seen_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_day       DATE NOT NULL,
    source_address VARCHAR(45) NOT NULL,
    source_port    INTEGER NOT NULL,
    host_address   VARCHAR(45) NOT NULL,
    port           INTEGER NOT NULL,
    banner         VARCHAR(16) NOT NULL,
    outcome        VARCHAR(16) NOT NULL,
    attempts       INTEGER NOT NULL,
    bytes_received INTEGER NOT NULL,
    first_bytes    BYTEA,
    first_line     VARCHAR(200)
);
CREATE INDEX decoy_event_seen_at ON decoy_event (seen_at);
CREATE INDEX decoy_event_port_seen_at ON decoy_event (port, seen_at);
CREATE INDEX decoy_event_source_seen_at ON decoy_event (source_address, seen_at);
CREATE INDEX decoy_event_day ON decoy_event (seen_day);
CREATE INDEX decoy_event_host_port ON decoy_event (host_address, port, seen_at);

-- Credentials tried at the fake prompts: the user name as sent, the password only as a salted
-- SHA-256 and its length in bytes.
CREATE TABLE decoy_credential (
    event_id        UUID NOT NULL REFERENCES decoy_event (id) ON DELETE CASCADE,
    attempt         INTEGER NOT NULL,
    user_name       VARCHAR(200) NOT NULL,
    password_sha256 CHAR(64),
    password_length INTEGER NOT NULL,
    PRIMARY KEY (event_id, attempt)
);
CREATE INDEX decoy_credential_user ON decoy_credential (user_name);

-- Settings of this installation, such as the password salt (shared by every tripwire writing here,
-- so equal passwords have equal hashes across sensors).
CREATE TABLE decoy_setting (
    name          VARCHAR(64) PRIMARY KEY,
    setting_value VARCHAR(256) NOT NULL
);
