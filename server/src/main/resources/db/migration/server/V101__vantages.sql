-- Several workers at several vantage points. An order is checked from one or more vantages; each
-- (order, vantage) pair is a run that one worker of that vantage claims through db-scheduler, and
-- each finished run leaves exactly one result. The report is composed when the last run is done.
-- Vantage '' is the unnamed one: the local worker of a 'vantage serve' started without --vantage.

-- The workers that are running or ran: 'all' in an order means the vantages seen here recently.
create table svc_worker (
    id         varchar(50)  primary key,   -- db-scheduler's scheduler name of the process (picked_by)
    vantage    varchar(40)  not null,
    jobs       int          not null,
    started_at bigint       not null,
    last_seen  bigint       not null
);
create index svc_worker_vantage on svc_worker (vantage, last_seen);

-- status: queued, running, done, failed. attempts counts claims (a revived run claims again).
create table svc_run (
    order_id    varchar(22)  not null references svc_order (id) on delete cascade,
    vantage     varchar(40)  not null,
    status      varchar(12)  not null,
    progress    int          not null,
    error       varchar(1000),
    worker      varchar(50),
    attempts    int          not null,
    started_at  bigint,
    finished_at bigint,
    primary key (order_id, vantage)
);
create index svc_run_status on svc_run (status);

-- The canonical JSON result of one run. The unique key makes the write idempotent: a run revived
-- on another worker can never leave a second result.
create table svc_result (
    order_id    varchar(22)  not null references svc_order (id) on delete cascade,
    vantage     varchar(40)  not null,
    worker      varchar(50),
    result_json text         not null,
    created_at  bigint       not null,
    constraint svc_result_run unique (order_id, vantage)
);

-- Orders placed before vantages existed were checked (or are waiting) at the unnamed vantage.
insert into svc_run (order_id, vantage, status, progress, error, worker, attempts, started_at, finished_at)
select id, '', case when status = 'cancelled' then 'failed' else status end, progress, error, null, 0, started_at, finished_at
from svc_order;
