-- Webhook alerts are written here first (outbox) and delivered by a poller, so alerts survive restarts and a
-- receiver that is down; the endpoint is named by a hash of its URL (robot URLs carry tokens: never stored).
create table webhook_delivery (
    id              bigserial primary key,
    endpoint_key    text        not null,
    endpoint_label  text        not null,
    event           text        not null,
    report_id       text,
    agency_key      text,
    year            integer,
    body            text        not null,
    dedupe_key      text        not null unique,
    status          text        not null default 'pending',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_status on webhook_delivery (status, id);
