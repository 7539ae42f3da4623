-- Retention of finished queue entries and claims (OutboundQueue.purgeFinishedBefore, StoreSession.purgeClaimsBefore).
-- finished_at is when an entry became DONE or FAILED; entries finished before this version get their last
-- attempt's due time, the best that is known of them.
ALTER TABLE queue ADD COLUMN finished_at BIGINT;
UPDATE queue SET finished_at = next_attempt_at WHERE state IN ('DONE', 'FAILED');
-- open entries have no finished_at: the index holds only what a purge may remove
CREATE INDEX queue_finished ON queue (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX claims_age ON claims (claimed_at);
