-- A notice's messages are written thousands at a time in one COPY: an outage warning to 5,000 customers is about
-- 29,000 rows. The foreign keys on notice_id, customer_id and contact_id checked and key-share-locked their parent
-- once per row (the same notice, created in the same transaction, 29,000 times), about 0.6 s of a COPY that now takes
-- 0.45 s without them. The same rule is kept per statement instead: after an insert, every notice, customer and
-- contact the new rows name is locked once, as a foreign key locks it (so none can be deleted before the messages
-- commit), and a row naming one that does not exist fails the statement. The three columns are never changed once
-- written (contact_id only to null, below); deleting a notice or a customer deletes its messages, deleting a contact
-- clears it from its messages: the old on delete cascade / set null. user_id keeps its foreign key (only staff
-- messages fill it; null costs nothing).
alter table notice_message drop constraint notice_message_notice_id_fkey;
alter table notice_message drop constraint notice_message_customer_id_fkey;
alter table notice_message drop constraint notice_message_contact_id_fkey;

create function notice_message_check_references() returns trigger language plpgsql as $$
declare
    notices   bigint[];
    customers bigint[];
    contacts  bigint[];
    missing   bigint;
begin
    select coalesce(array_agg(distinct a.notice_id), '{}'),
           coalesce(array_agg(distinct a.customer_id) filter (where a.customer_id is not null), '{}'),
           coalesce(array_agg(distinct a.contact_id) filter (where a.contact_id is not null), '{}')
      into notices, customers, contacts
      from added a;
    perform 1 from notice n where n.id = any (notices) for key share;
    perform 1 from customer c where c.id = any (customers) for key share;
    perform 1 from contact c where c.id = any (contacts) for key share;
    select x into missing from unnest(notices) x where not exists (select 1 from notice n where n.id = x) limit 1;
    if found then
        raise foreign_key_violation using table = 'notice_message', column = 'notice_id',
            message = format('notice_message.notice_id %s names no notice', missing);
    end if;
    select x into missing from unnest(customers) x where not exists (select 1 from customer c where c.id = x) limit 1;
    if found then
        raise foreign_key_violation using table = 'notice_message', column = 'customer_id',
            message = format('notice_message.customer_id %s names no customer', missing);
    end if;
    select x into missing from unnest(contacts) x where not exists (select 1 from contact c where c.id = x) limit 1;
    if found then
        raise foreign_key_violation using table = 'notice_message', column = 'contact_id',
            message = format('notice_message.contact_id %s names no contact', missing);
    end if;
    return null;
end $$;

create trigger notice_message_references after insert on notice_message
    referencing new table as added for each statement execute function notice_message_check_references();

create function notice_message_references_fixed() returns trigger language plpgsql as $$
begin
    if new.notice_id is distinct from old.notice_id or new.customer_id is distinct from old.customer_id
            or (new.contact_id is distinct from old.contact_id and new.contact_id is not null) then
        raise foreign_key_violation using table = 'notice_message',
            message = format('notice_message %s: its notice, customer and contact cannot be changed', old.id);
    end if;
    return new;
end $$;

create trigger notice_message_references_fixed before update of notice_id, customer_id, contact_id on notice_message
    for each row execute function notice_message_references_fixed();

create function notice_delete_messages() returns trigger language plpgsql as $$
begin
    delete from notice_message m using gone g where m.notice_id = g.id;
    return null;
end $$;

create trigger notice_delete_messages after delete on notice
    referencing old table as gone for each statement execute function notice_delete_messages();

create function customer_delete_messages() returns trigger language plpgsql as $$
begin
    delete from notice_message m using gone g where m.customer_id = g.id;
    return null;
end $$;

create trigger customer_delete_messages after delete on customer
    referencing old table as gone for each statement execute function customer_delete_messages();

create function contact_clear_messages() returns trigger language plpgsql as $$
begin
    update notice_message m set contact_id = null from gone g where m.contact_id = g.id;
    return null;
end $$;

create trigger contact_clear_messages after delete on contact
    referencing old table as gone for each statement execute function contact_clear_messages();
