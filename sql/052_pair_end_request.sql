-- 052_pair_end_request.sql: a pair's early end, four-eyes (issue 15).
--   * 三年不变: a pair may end before its cycle does only for an approved
--     reason. The home township (its clerk or officer) asks, with the day
--     and the reason (eduaid.pair_end_request); a supervisor of the county
--     approves the request (eduaid.pair_end_approve) or turns it down with
--     a reason (eduaid.pair_end_refuse). No one both asks and approves.
--   * The request lives on the pair: end_requested_on, end_request_reason,
--     end_requested_by, end_requested_at; a refusal's reason and who gave
--     it stay until the next request (end_refused_by, end_refusal).
--   * The agreement's client_uuid key is (township_id, client_uuid), as
--     every record kind's (the client's save relies on it).
--   * SQLSTATEs EA235..EA237, raised by repeatable/36_pairing.sql:
--       EA235 an early end is asked for already (or the pair has ended)
--       EA236 no early end is asked for
--       EA237 the one who asked does not approve
SET ROLE eduaid_owner;

ALTER TABLE eduaid.pair
    ADD COLUMN end_requested_on   date,
    ADD COLUMN end_request_reason text,
    ADD COLUMN end_requested_by   text,
    ADD COLUMN end_requested_at   timestamptz,
    ADD COLUMN end_refused_by     text,
    ADD COLUMN end_refusal        text,
    ADD CONSTRAINT pair_end_request_check CHECK (
        (end_requested_on IS NULL) = (end_request_reason IS NULL)
        AND (end_requested_on IS NULL) = (end_requested_by IS NULL)
        AND (end_requested_on IS NULL) = (end_requested_at IS NULL)
        AND (end_requested_on IS NULL OR (end_requested_on > cycle_start
                                          AND end_requested_on < cycle_end))
        AND (end_request_reason IS NULL OR (NOT eduaid.is_blank(end_request_reason)
                                            AND char_length(end_request_reason) <= 500))),
    ADD CONSTRAINT pair_end_refusal_check CHECK (
        (end_refused_by IS NULL) = (end_refusal IS NULL)
        AND (end_refusal IS NULL OR (NOT eduaid.is_blank(end_refusal)
                                     AND char_length(end_refusal) <= 500))),
    ADD CONSTRAINT pair_end_request_reason_clean CHECK (eduaid.is_clean(end_request_reason)),
    ADD CONSTRAINT pair_end_refusal_clean CHECK (eduaid.is_clean(end_refusal));

-- A draft saved by the client is made once however often the save is
-- retried: src/db/record.c inserts ON CONFLICT (township_id, client_uuid),
-- the key every record kind has; 046 keyed the agreement's by pair too, so
-- no agreement could be saved from the client.
DROP INDEX eduaid.pair_agreement_client_uuid_key;
CREATE UNIQUE INDEX pair_agreement_client_uuid_key
    ON eduaid.pair_agreement (township_id, client_uuid);

RESET ROLE;

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('pair_end_request_check', 'end_requested_on', '提前终止申请须填写周期内的日期和理由（不超过500字）。',
 'An early end asks for a day inside the cycle and a reason (up to 500 characters).'),
('pair_end_refusal_check', 'end_refusal', '不同意提前终止须说明理由（不超过500字）。',
 'Turning an early end down takes a reason (up to 500 characters).'),
('pair_end_request_reason_clean', 'end_request_reason', '提前终止理由不能含控制字符、换行或方向控制符。',
 'The reason of an early end cannot hold control characters, line breaks or direction marks.'),
('pair_end_refusal_clean', 'end_refusal', '不同意的理由不能含控制字符、换行或方向控制符。',
 'The reason of a refusal cannot hold control characters, line breaks or direction marks.'),
('EA235', '_record', '这个结对已申请提前终止，或已经终止。',
 'An early end of this pair is asked for already, or it has ended.'),
('EA236', '_record', '这个结对没有待批准的提前终止申请。',
 'No early end of this pair waits for approval.'),
('EA237', '_record', '提出申请的人不能自己批准（四眼原则）。',
 'Whoever asked does not approve (four eyes).');
