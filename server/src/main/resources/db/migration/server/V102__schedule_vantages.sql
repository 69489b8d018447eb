-- A schedule can name the vantages its checks run from, as an order can: a comma-separated list
-- of names, or 'all'. Null: the service's own vantage.
alter table svc_schedule add column vantages varchar(700);
