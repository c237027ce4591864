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
-- the escalation job reads only open requests (a small part of the table once years of closed ones pile up)
create index service_request_open_due on service_request (resolve_due_at) where status <> 'CLOSED';
