-- 043_login_events.sql: the log of logins the auditor reads (issue 14,
-- "each failed login visible to the auditor"). PostgreSQL 15 has no login
-- event trigger: the server's own log is where a connection authorized
-- (log_connections) and every authentication failure are written. The
-- superuser's `eduaid-admin logins collect` (eduaid.login_collect(),
-- repeatable/29_logins.sql) reads the server's csvlog files and adds one
-- row per login or failed login here; a log line already taken is known
-- by its hash (source_hash), so collecting again adds nothing twice.
--
-- Only the classified outcome is kept, never the log's message text (it
-- may carry what a user typed): when, the login name as typed (cleaned,
-- at most 63 characters, so a failure for a role that does not exist is
-- there too), the database, the client's address ('[local]' for the
-- socket), ok or failed, and a reason class. Like eduaid.audit_log the
-- rows are never changed nor deleted, even by their owner (EA175,
-- repeatable/37_triggers.sql); only the auditor reads them
-- (38_policies.sql, 39_privileges.sql); nobody but the superuser writes.
GRANT CREATE ON SCHEMA eduaid TO eduaid_audit_owner;
SET ROLE eduaid_audit_owner;

CREATE TABLE eduaid.login_event (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    at           timestamptz NOT NULL,
    login        text NOT NULL,
    database     text NOT NULL DEFAULT '',
    client       text NOT NULL DEFAULT '',
    outcome      text NOT NULL,
    reason       text NOT NULL,
    source_hash  bytea NOT NULL,
    collected_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT login_event_pkey PRIMARY KEY (id),
    CONSTRAINT login_event_source_key UNIQUE (source_hash),
    CONSTRAINT login_event_outcome_check CHECK (outcome IN ('ok', 'failed')),
    CONSTRAINT login_event_reason_check CHECK (
        (outcome = 'ok' AND reason = 'authorized')
        OR (outcome = 'failed' AND reason IN ('password', 'expired', 'no_role',
            'not_permitted', 'rejected', 'peer', 'no_database', 'too_many', 'other'))),
    CONSTRAINT login_event_login_check CHECK (length(login) <= 63
        AND login !~ '[[:cntrl:]]'),
    CONSTRAINT login_event_database_check CHECK (length(database) <= 63
        AND database !~ '[[:cntrl:]]'),
    CONSTRAINT login_event_client_check CHECK (length(client) <= 64
        AND client !~ '[[:cntrl:]]')
);
CREATE INDEX login_event_at_idx ON eduaid.login_event (at, id);
CREATE INDEX login_event_login_idx ON eduaid.login_event (login, at);

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_audit_owner;

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA175', '_record', '登录日志不可修改或删除。', 'The log of logins cannot be changed or deleted.'),
('EA176', '_record', '只有数据库超级用户可以收集登录日志。', 'Only the database superuser collects the log of logins.'),
('login_event_pkey', '_record', '该登录记录已存在。', 'This login event already exists.'),
('login_event_source_key', '_record', '该日志行已收集。', 'This log line has already been collected.'),
('login_event_outcome_check', 'outcome', '登录结果只能是成功或失败。', 'A login''s outcome is ok or failed.'),
('login_event_reason_check', 'reason', '登录失败原因不在列表中。', 'Not a known reason for a login''s outcome.'),
('login_event_login_check', 'login', '登录名过长或含控制字符。', 'The login name is too long or holds control characters.'),
('login_event_database_check', 'database', '数据库名过长或含控制字符。', 'The database name is too long or holds control characters.'),
('login_event_client_check', 'client', '客户端地址过长或含控制字符。', 'The client address is too long or holds control characters.');
