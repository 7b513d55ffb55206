-- sql/data/demo_logins.sql: a morning of logins for the auditor's log of
-- logins (issue 14), as `eduaid-admin logins collect` would have taken it
-- from the server's log: successful logins, a mistyped password, a name
-- that is no user (typed twice), someone trying 'admin' and 'postgres'
-- from outside, an expired password, a connection refused without TLS.
-- Loaded by load-demo.sh as the superuser (nobody else writes the table).
-- Fixed times, so that the screens' dumps are the same on every run.
INSERT INTO eduaid.login_event (at, login, database, client, outcome, reason, source_hash)
SELECT v.at::timestamptz, v.login, 'eduaid', v.client, v.outcome, v.reason,
       sha256(convert_to('demo login ' || v.at, 'UTF8'))
  FROM (VALUES
    ('2026-11-16 07:58:02+08', 'demo_clerk', '[local]', 'ok', 'authorized'),
    ('2026-11-16 08:01:15+08', 'demo_clerk2', '192.168.1.23', 'failed', 'password'),
    ('2026-11-16 08:01:21+08', 'demo_clerk2', '192.168.1.23', 'ok', 'authorized'),
    ('2026-11-16 08:12:40+08', 'zhangxm', '192.168.1.57', 'failed', 'no_role'),
    ('2026-11-16 08:12:47+08', 'zhangxm', '192.168.1.57', 'failed', 'no_role'),
    ('2026-11-16 08:13:02+08', 'admin', '203.0.113.9', 'failed', 'no_role'),
    ('2026-11-16 08:13:03+08', 'admin', '203.0.113.9', 'failed', 'no_role'),
    ('2026-11-16 08:20:00+08', 'demo_officer', '[local]', 'ok', 'authorized'),
    ('2026-11-16 08:31:10+08', 'demo_supervisor', '192.168.1.40', 'failed', 'expired'),
    ('2026-11-16 08:45:33+08', 'demo_officer', '10.8.0.5', 'failed', 'rejected'),
    ('2026-11-16 09:02:11+08', 'demo_auditor', '[local]', 'ok', 'authorized'),
    ('2026-11-16 09:10:05+08', 'postgres', '203.0.113.9', 'failed', 'password')
  ) AS v(at, login, client, outcome, reason)
ON CONFLICT ON CONSTRAINT login_event_source_key DO NOTHING;
