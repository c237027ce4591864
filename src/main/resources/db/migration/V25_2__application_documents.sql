-- 一次性告知 and the documents of 业扩 applications: the one notice of missing documents per application (the primary
-- key makes "once" hold under concurrency) and the uploaded files, kept in the database (size bounded by the service
-- and by the check below).
create table connection_application_missing (
    application_id bigint        primary key references connection_application (id) on delete cascade,
    documents      varchar(1000) not null,
    told_at        timestamptz   not null,
    told_by        varchar(100)  not null
);

create table connection_application_document (
    id             bigserial primary key,
    version        bigint        not null default 0,
    application_id bigint        not null references connection_application (id) on delete cascade,
    doc_type       varchar(32)   not null,
    file_name      varchar(200)  not null,
    content_type   varchar(100)  not null,
    size_bytes     int           not null check (size_bytes > 0 and size_bytes <= 10485760),
    content        bytea         not null,
    uploaded_by    varchar(100)  not null,
    uploaded_at    timestamptz   not null default now()
);
create index connection_application_document_app_idx on connection_application_document (application_id);
