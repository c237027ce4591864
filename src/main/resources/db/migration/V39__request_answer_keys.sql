-- Answers the suite writes itself (a repair closed by its crew, repairs closed with their fault outage) are stored as
-- a message key and the text typed with them (the cause the crew found, the fault's note), and read in the reader's
-- language; answers typed by staff stay as typed (answer_key null).
alter table service_request add column answer_key varchar(60);
alter table service_request_event add column note_key varchar(60);

alter table service_request drop constraint service_request_closed_has_answer;
alter table service_request add constraint service_request_closed_has_answer check (status <> 'CLOSED'
    or (closed_at is not null and (answer_key is not null or (answer is not null and length(btrim(answer)) > 0))));

-- the rows written so far in Chinese: 已恢复供电。[故障原因：<cause>] and 已随故障停电一并恢复供电。[<note>]
create function pg_temp.answer_key(text) returns varchar language sql immutable as $$
    select case
        when $1 like '已随故障停电一并恢复供电。%' then case when length(btrim(substr($1, 14))) > 0
            then 'request.answer.fault-restored-note' else 'request.answer.fault-restored' end
        when $1 like '已恢复供电。故障原因：%' and length(btrim(substr($1, 12))) > 0
            then 'request.answer.repair-restored-cause'
        when $1 = '已恢复供电。' or $1 = '已恢复供电。故障原因：' then 'request.answer.repair-restored'
    end
$$;
create function pg_temp.answer_argument(text) returns varchar language sql immutable as $$
    select case
        when $1 like '已随故障停电一并恢复供电。%' then nullif(btrim(substr($1, 14)), '')
        when $1 like '已恢复供电。故障原因：%' then nullif(btrim(substr($1, 12)), '')
    end
$$;

update service_request r set answer_key = pg_temp.answer_key(r.answer), answer = pg_temp.answer_argument(r.answer)
where r.request_type = 'REPAIR' and pg_temp.answer_key(r.answer) is not null;

update service_request_event e set note_key = pg_temp.answer_key(e.note), note = pg_temp.answer_argument(e.note)
from service_request r
where r.id = e.request_id and r.request_type = 'REPAIR' and e.kind = 'CLOSED' and pg_temp.answer_key(e.note) is not null;

drop function pg_temp.answer_key(text);
drop function pg_temp.answer_argument(text);
