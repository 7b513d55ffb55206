-- 042_end_sessions.sql: the words of EA165 (issue 13, a disabled user's
-- open session ends: eduaid.end_sessions, repeatable/27_users.sql, ends
-- only a disabled account's sessions). Data only.

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA165', '_record', '该账号未停用，不能结束其会话。', 'The account is not disabled; its sessions are not ended.');
