-- 053_change_channels.sql: one LISTEN/NOTIFY channel per township (issue
-- 16, "Idle"). The client waits on the terminal and its connection with
-- no timer; the review queue and the menu's counts refresh when a record
-- of the user's townships changes. LISTEN needs no privilege and any
-- login may listen on any channel name, so a channel's name is its
-- secret: a random token that only the township's users can read
-- (row-level security: repeatable/37_change_channels.sql, which also
-- holds the functions and the triggers that notify, without payload).
--   * eduaid.change_channel: one row per township; token is 'ea_' and 32
--     hex digits of gen_random_uuid() (core since PostgreSQL 13: no
--     pgcrypto; version 4, 122 random bits), a valid unquoted identifier
--     of 35 bytes.
--   * Every township has its token; a new township gets one from the
--     trigger a_change_channel (repeatable/37_change_channels.sql).
--   * SQLSTATEs EA242..EA243 are reserved for it (none raised yet).
SET ROLE eduaid_owner;

CREATE TABLE eduaid.change_channel (
    township_id int PRIMARY KEY
                CONSTRAINT change_channel_township_fk REFERENCES eduaid.township (id)
                ON DELETE CASCADE,
    token       text NOT NULL
                DEFAULT 'ea_' || pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''),
    CONSTRAINT change_channel_token_check CHECK (token ~ '^ea_[0-9a-f]{32}$')
);
-- No index but the key, which leads with township_id (016_index_scope.sql;
-- 122 random bits make a duplicate token as good as impossible), and no
-- statistics of the tokens: a histogram of them would name other
-- townships' channels.
ALTER TABLE eduaid.change_channel ALTER COLUMN token SET STATISTICS 0;
COMMENT ON TABLE eduaid.change_channel IS
    'eduaid: the LISTEN channel of each township, a secret only its users read (issue 16)';

INSERT INTO eduaid.change_channel (township_id) SELECT t.id FROM eduaid.township t;

-- The words of its constraints (24_messages.sql: every one has them).
-- Nobody writes the table, so only the superuser's own mistakes meet them.
INSERT INTO eduaid.message (key, field, zh, en) VALUES
('change_channel_pkey', '_record', '这个乡镇已有变更通知频道。',
 'This township has its change channel already.'),
('change_channel_township_fk', '_record', '变更通知频道须属于一个已登记的乡镇。',
 'A change channel belongs to a registered township.'),
('change_channel_token_check', '_record', '变更通知频道名须为 ea_ 加32位十六进制数字。',
 'A change channel''s name is ea_ and 32 hex digits.');
