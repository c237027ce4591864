-- A user whose password an administrator set (the first administrator of a deployment, a reset) chooses their own at
-- the next sign-in: until then only the password change and "who am I" answer them.
alter table app_user add column must_change_password boolean not null default false;

-- "This database is the demo": written by the demo generator in the same transaction as the demo company. Every
-- later demo step runs only when this row exists, so that no demo step ever touches a real deployment's data.
create table demo_marker (
    id          smallint    primary key default 1 check (id = 1),
    created_at  timestamptz not null default now()
);
