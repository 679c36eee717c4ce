-- History of validated reports: one row per reportId (Kafka key), found by (agency_key, year) for cross-year rules.
create table validated_report (
    report_id      text primary key,
    agency_key     text,
    year           integer,
    source_version integer     not null,
    format_version text,
    published_at   date,
    status         text        not null,
    error_count    integer     not null,
    warning_count  integer     not null,
    info_count     integer     not null,
    late           boolean,
    deadline       date,
    cells          jsonb       not null,
    fingerprint    text        not null,
    findings       jsonb       not null,
    report         jsonb       not null,
    validated_at   timestamptz not null
);
create index validated_report_agency_year on validated_report (agency_key, year);

-- Agencies that must publish a report (imported from CSV).
create table agency_register (
    agency_key    text primary key,
    name          text        not null,
    division_code text,
    level         text,
    kind          text,
    province      text,
    imported_at   timestamptz not null
);

-- PUBLISH.MISSING findings, one per agency and report year.
create table missing_report (
    agency_key  text        not null references agency_register (agency_key) on delete cascade,
    year        integer     not null,
    deadline    date        not null,
    finding     jsonb       not null,
    detected_at timestamptz not null,
    primary key (agency_key, year)
);
