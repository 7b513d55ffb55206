-- sql/data/demo.sql: deterministic, plausible demo records for 房县.
--
-- About 3,000 registered households with their school-age members and the
-- aid granted to them, training enrollments, special-education plans for
-- disabled children, rural teachers and their fund applications, in every
-- workflow state. Records are made the way people make them: inserted as
-- the township's clerk, then submitted, verified, rejected and approved
-- through the workflow functions as clerks, officers and supervisors, so
-- the audit trail is real. Afterwards each record's timestamps (and its
-- audit rows) are moved back by a per-record number of days, so queues
-- show records that have waited for a while.
--
-- "Random" choices come from md5 of a key, so every load is identical.
-- ID numbers carry the county's area code, a birth date that is unique
-- within each group of people, a sequence whose range tells the groups
-- apart, and a correct check digit.
\set ON_ERROR_STOP on
BEGIN;
CREATE SCHEMA eduaid_demo;
GRANT USAGE ON SCHEMA eduaid_demo TO PUBLIC;

-- A number in [0, n) drawn from key.
CREATE FUNCTION eduaid_demo.pick(key text, n int) RETURNS int
LANGUAGE sql IMMUTABLE
RETURN ('x' || left(md5(key), 7))::bit(28)::int % n;

-- The i-th element of arr chosen by key.
CREATE FUNCTION eduaid_demo.choose(key text, arr text[]) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN arr[1 + eduaid_demo.pick(key, cardinality(arr))];

-- A Chinese name: a common surname and one or two given characters.
CREATE FUNCTION eduaid_demo.person_name(key text, surname text DEFAULT NULL) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN coalesce(surname, eduaid_demo.choose(key || 's',
        '{王,李,张,刘,陈,杨,黄,赵,吴,周,徐,孙,胡,朱,高,林,何,郭,马,罗,梁,宋,郑,谢,韩,唐,冯,于,董,程,曹,袁,邓,许,彭,吕,柯,詹,明,余}'::text[]))
    || eduaid_demo.choose(key || 'g1',
        '{建,国,明,华,军,平,德,文,海,志,永,春,秀,英,兰,芳,玉,红,丽,敏,强,伟,勇,刚,成,林,山,福,贵,荣,桂,珍,云,霞,燕,静,娟,婷,涛,磊,鑫,浩,宇,轩,欣,悦,梓,涵,雨,诗,子,嘉,俊,晨}'::text[])
    || CASE WHEN eduaid_demo.pick(key || 'len', 4) = 0 THEN '' ELSE eduaid_demo.choose(key || 'g2',
        '{明,华,军,平,德,文,海,志,春,秀,英,兰,芳,玉,红,丽,敏,强,伟,勇,刚,成,林,山,福,荣,珍,云,霞,燕,静,娟,婷,涛,磊,鑫,浩,宇,轩,欣,悦,涵,雨,琪,怡,阳,博,然}'::text[]) END;

-- An ID number: 420325, the birth date, a three-digit sequence (its last
-- digit odd for men), and the check character.
CREATE FUNCTION eduaid_demo.id_number(birth date, seq int, male boolean) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN (SELECT p || eduaid.id_check_digit(p)
          FROM (SELECT '420325' || to_char(birth, 'YYYYMMDD')
                       || lpad((seq * 2 + CASE WHEN male THEN 1 ELSE 0 END)::text, 3, '0') AS p) AS x);

-- The n-th of a group of people born in [first, first + span days): 7919 is
-- prime and coprime to every span used, so n < span gives distinct dates.
CREATE FUNCTION eduaid_demo.birth(first date, span int, n int) RETURNS date
LANGUAGE sql IMMUTABLE
RETURN first + ((n::bigint * 7919) % span)::int;

-- The state a record should end in, by key: 15% draft, 5% rejected by the
-- officer, 5% by a supervisor, 10% submitted, 10% verified, 55% approved.
CREATE FUNCTION eduaid_demo.target(key text) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN CASE
    WHEN eduaid_demo.pick(key || 'st', 100) < 15 THEN 'draft'
    WHEN eduaid_demo.pick(key || 'st', 100) < 20 THEN 'rejected_officer'
    WHEN eduaid_demo.pick(key || 'st', 100) < 25 THEN 'rejected_supervisor'
    WHEN eduaid_demo.pick(key || 'st', 100) < 35 THEN 'submitted'
    WHEN eduaid_demo.pick(key || 'st', 100) < 45 THEN 'verified'
    ELSE 'approved'
END;

-- Who works where: each township's clerk and officer (the demo_* logins
-- where the README promises them) and the supervisor of each record.
CREATE TABLE eduaid_demo.staff AS
SELECT t.id AS township_id, t.name,
       CASE t.id WHEN 420325100 THEN 'demo_clerk' WHEN 420325101 THEN 'demo_clerk'
                 WHEN 420325103 THEN 'demo_clerk2' ELSE 'clerk_' || right(t.id::text, 3) END AS clerk,
       CASE t.id WHEN 420325100 THEN 'demo_officer' ELSE 'officer_' || right(t.id::text, 3) END AS officer,
       row_number() OVER (ORDER BY t.id)::int AS n
  FROM eduaid.township t WHERE t.county_id = 420325;
GRANT SELECT ON eduaid_demo.staff TO PUBLIC;

\ir demo_records.sql
\ir demo_workflow.sql
\ir demo_years.sql
\ir demo_transfers.sql

DROP SCHEMA eduaid_demo CASCADE;
COMMIT;
ANALYZE;
