-- Every original byte, stored once by content address (claim check for the events).
CREATE TABLE original (
    sha256       CHAR(64)     PRIMARY KEY,
    size_bytes   BIGINT       NOT NULL,
    content_type VARCHAR(200),
    content      BYTEA        NOT NULL,
    stored_at    TIMESTAMPTZ  NOT NULL
);

-- A report as a source knows it: one row per stable locator (URL, folder path, upload name).
CREATE TABLE report_source (
    report_id       CHAR(20)      PRIMARY KEY,
    locator         VARCHAR(2000) NOT NULL UNIQUE,
    source_kind     VARCHAR(16)   NOT NULL,
    source_url      VARCHAR(2000),
    file_name       VARCHAR(500),
    draft           BOOLEAN       NOT NULL DEFAULT FALSE,
    hints           TEXT,
    first_seen_at   TIMESTAMPTZ   NOT NULL,
    last_checked_at TIMESTAMPTZ   NOT NULL,
    current_version INT           NOT NULL
);

-- Every distinct content a report has had; a new row means the bytes changed (a silent edit once published).
CREATE TABLE report_version (
    report_id    CHAR(20)    NOT NULL REFERENCES report_source (report_id),
    version      INT         NOT NULL,
    sha256       CHAR(64)    NOT NULL REFERENCES original (sha256),
    fetched_at   TIMESTAMPTZ NOT NULL,
    emitted_at   TIMESTAMPTZ,
    PRIMARY KEY (report_id, version)
);

CREATE INDEX report_version_unemitted ON report_version (fetched_at) WHERE emitted_at IS NULL;
