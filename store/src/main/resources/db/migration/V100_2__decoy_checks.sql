-- When the owner last checked a host that has decoy ports (the tripwire's range, 100.x; see store/README.md).
-- The check report says "decoy port 23: N attempts from M sources since the last check": the last
-- check is the newest row here for one of the host's addresses before the check being reported.
-- checked_at is when that check finished, so its own connections to the decoys are not counted.
CREATE TABLE decoy_check (
    host_address VARCHAR(45) NOT NULL,
    checked_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX decoy_check_host ON decoy_check (host_address, checked_at);
