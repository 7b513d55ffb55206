-- tests/bench/generate.sql: what tests/bench/queue.sh and reports.sh
-- generate their records with (run as the superuser after the schema, the
-- divisions and the users): schema bench with the townships numbered 0..19
-- (bench.tw), ID numbers made fast (bench.id_date, bench.id_seq and their
-- sanity check; bench.idno), the pseudo-random bench.g, names
-- (bench.pname) and the workflow columns of a generated record in each
-- state (bench.wf).
SET client_min_messages = warning;
CREATE SCHEMA bench;
-- The townships numbered 0..19, with what generated rows need of each.
CREATE TABLE bench.tw AS
SELECT (row_number() OVER (ORDER BY t.id) - 1)::int AS k, t.id,
       'clerk_' || right(t.id::text, 3) AS clerk,
       'officer_' || right(t.id::text, 3) AS officer,
       (SELECT array_agg(v.id ORDER BY v.id) FROM eduaid.village v WHERE v.township_id = t.id) AS villages,
       (SELECT min(s.id) FROM eduaid.school s WHERE s.township_id = t.id AND s.kind = 'primary') AS school
  FROM eduaid.township t WHERE t.county_id = 420325;
ALTER TABLE bench.tw ADD PRIMARY KEY (k);

-- ID numbers: 420325, a birth date, a three-digit sequence (odd last digit
-- for men), the check character. The check character depends on the
-- weighted digit sum mod 11, which is the birth date's part plus the
-- sequence's part: eduaid.id_check_digit gives each part once (its
-- position in '10X98765432' is the sum mod 11 plus one), not once a row.
CREATE TABLE bench.id_date AS
SELECT d::date AS d, '420325' || to_char(d, 'YYYYMMDD') AS prefix,
       strpos('10X98765432', eduaid.id_check_digit('420325' || to_char(d, 'YYYYMMDD') || '000')) - 1 AS r
  FROM generate_series(date '1950-01-01', date '2016-12-31', interval '1 day') AS d;
ALTER TABLE bench.id_date ADD PRIMARY KEY (d);
CREATE TABLE bench.id_seq AS
SELECT s, lpad(s::text, 3, '0') AS digits,
       strpos('10X98765432', eduaid.id_check_digit('00000000000000' || lpad(s::text, 3, '0'))) - 1 AS r
  FROM generate_series(0, 999) AS s;
ALTER TABLE bench.id_seq ADD PRIMARY KEY (s);
-- Sanity: the split gives what eduaid.id_check_digit gives.
DO $$
BEGIN
    IF EXISTS (SELECT FROM bench.id_date d, bench.id_seq s
                WHERE d.d IN ('1950-01-01', '1988-02-29', '2014-07-31') AND s.s IN (0, 7, 999)
                  AND substr('10X98765432', (d.r + s.r) % 11 + 1, 1)
                      <> eduaid.id_check_digit(d.prefix || s.digits)) THEN
        RAISE EXCEPTION 'check character split is wrong';
    END IF;
END
$$;

-- A deterministic number in [0, 2^31) for row n.
CREATE FUNCTION bench.g(tag int, n int) RETURNS int LANGUAGE sql IMMUTABLE
RETURN abs(hashint4(n * 31 + tag) % 2147483647);

-- The i-th ID number of the people born from first on (1,000 a day),
-- with its birth date and sex. (Set-returning SQL: inlined.)
CREATE FUNCTION bench.idno(first date, i int)
RETURNS TABLE (idno text, birth date, sex text) LANGUAGE sql STABLE AS $$
SELECT d.prefix || s.digits || substr('10X98765432', (d.r + s.r) % 11 + 1, 1), d.d,
       CASE WHEN s.s % 2 = 1 THEN 'M' ELSE 'F' END
  FROM bench.id_date d, bench.id_seq s
 WHERE d.d = first + i / 1000 AND s.s = i % 1000
$$;

CREATE FUNCTION bench.pname(n int) RETURNS text LANGUAGE sql IMMUTABLE
RETURN (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + n % 20]
    || (ARRAY['建','国','明','华','军','平','德','文','海','志','永','春','秀','英','兰','芳','玉','红','丽','敏','强','伟','勇'])[1 + (n / 20) % 23]
    || (ARRAY['','明','华','军','平','德','文','海','志','春','秀','英','兰','芳','玉','红','丽','敏','强'])[1 + (n / 460) % 19];

-- The workflow columns of record n of a kind (tag): 15% draft, 5%
-- rejected (half by the officer, half by a supervisor), 12% submitted,
-- 12% verified, 56% approved; submitted at times spread over 200 days, so
-- the kinds interleave in the queues; made by the township's clerk,
-- verified by its officer (officer_100 in 城关镇, so that demo_officer's
-- queue is full), approved by demo_supervisor2. Four-eyes at work: 1% of
-- the submitted records were edited by demo_officer, 1% of the verified
-- ones by demo_supervisor; their queues must leave those out.
CREATE FUNCTION bench.wf(tag int, n int, clerk text, officer text)
RETURNS TABLE (status text, created_by text, editors text[], created_at timestamptz,
    updated_at timestamptz, submitted_by text, submitted_at timestamptz,
    verified_by text, verified_at timestamptz, approved_by text,
    approved_at timestamptz, rejected_by text, rejected_at timestamptz, reason text)
LANGUAGE sql IMMUTABLE AS $$
SELECT st, clerk,
       CASE WHEN st = 'verified' AND h % 100 = 7 THEN ARRAY[clerk, 'demo_supervisor']
            WHEN st = 'submitted' AND h % 100 = 7 THEN ARRAY[clerk, 'demo_officer']
            ELSE ARRAY[clerk] END,
       sub - interval '3 days',
       CASE st WHEN 'draft' THEN sub - interval '3 days' WHEN 'submitted' THEN sub
               WHEN 'verified' THEN ver WHEN 'approved' THEN ver + interval '2 days'
               ELSE ver + interval '1 day' END,
       CASE WHEN st <> 'draft' THEN clerk END,
       CASE WHEN st <> 'draft' THEN sub END,
       CASE WHEN st IN ('verified', 'approved') OR (st = 'rejected' AND h % 2 = 0) THEN officer END,
       CASE WHEN st IN ('verified', 'approved') OR (st = 'rejected' AND h % 2 = 0) THEN ver END,
       CASE WHEN st = 'approved' THEN 'demo_supervisor2' END,
       CASE WHEN st = 'approved' THEN ver + interval '2 days' END,
       CASE WHEN st = 'rejected' THEN CASE WHEN h % 2 = 0 THEN 'demo_supervisor2' ELSE officer END END,
       CASE WHEN st = 'rejected' THEN ver + interval '1 day' END,
       CASE WHEN st = 'rejected' THEN '材料不全' END
  FROM (SELECT CASE WHEN p < 15 THEN 'draft' WHEN p < 20 THEN 'rejected'
                    WHEN p < 32 THEN 'submitted' WHEN p < 44 THEN 'verified'
                    ELSE 'approved' END AS st,
               sub, sub + make_interval(secs => bench.g(tag + 2, n) % 864000) AS ver, h
          FROM (SELECT bench.g(tag, n) % 100 AS p, bench.g(tag + 3, n) AS h,
                       timestamptz '2025-01-01 08:00+08'
                       + make_interval(secs => bench.g(tag + 1, n) % 17280000) AS sub) AS x) AS y
$$;
