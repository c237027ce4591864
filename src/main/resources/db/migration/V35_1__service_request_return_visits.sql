-- Return visits (回访) of service requests and the files a customer attaches to a request (issue 19).
-- One return visit per closing: a request closed, reopened and closed again may be asked again.
create table service_request_return_visit (
    id               bigserial primary key,
    version          bigint       not null default 0,
    request_id       bigint       not null references service_request (id) on delete cascade,
    satisfaction     int          not null check (satisfaction between 1 and 5),
    comment          varchar(2000),
    at               timestamptz  not null,
    by_name          varchar(100) not null,
    by_customer      boolean      not null,
    -- the closing this return visit answers
    closed_at        timestamptz  not null,
    constraint service_request_return_visit_once unique (request_id, closed_at)
);
create index service_request_return_visit_at on service_request_return_visit (at);

-- A file a customer (or staff) attached: PDF, JPEG or PNG by its first bytes, at most 5 MB, kept in the database.
create table service_request_attachment (
    id               bigserial primary key,
    version          bigint       not null default 0,
    request_id       bigint       not null references service_request (id) on delete cascade,
    file_name        varchar(200) not null,
    content_type     varchar(40)  not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes       int          not null check (size_bytes between 1 and 5242880),
    content          bytea        not null,
    uploaded_at      timestamptz  not null,
    uploaded_by      varchar(100) not null
);
create index service_request_attachment_request on service_request_attachment (request_id, id);

-- The dashboard groups by type and month over the viewer's scope
create index service_request_type_opened on service_request (request_type, opened_at);
