-- Service levels of service requests: the deadlines worked out when a request comes in (from the levels version it
-- names), when the owner is warned (four fifths of the way), and which warnings and escalations went out.
alter table service_request
    add column levels_version     varchar(100),
    add column respond_due_at     timestamptz,
    add column resolve_due_at     timestamptz,
    add column respond_warn_at    timestamptz,
    add column resolve_warn_at    timestamptz,
    add column responded_at       timestamptz,
    add column respond_warned     boolean not null default false,
    add column resolve_warned     boolean not null default false,
    add column respond_escalated  boolean not null default false,
    add column resolve_escalated  boolean not null default false;
-- the escalation job's two questions, each answered from a small index of the open requests
create index service_request_warn_due on service_request (least(respond_warn_at, resolve_warn_at))
    where status <> 'CLOSED';
create index service_request_resolve_due on service_request (resolve_due_at) where status <> 'CLOSED';
