-- sql/data/demo_records.sql: the records of demo.sql, inserted township by
-- township as that township's clerk (so RLS, the guards and the audit
-- trail see what they would see in real use). Included by demo.sql.

-- An ID number of the g-th person of a group born from first within span
-- days, with sequences from seqbase: distinct for distinct g.
CREATE FUNCTION eduaid_demo.person_id(first date, span int, seqbase int, g int, male boolean)
RETURNS text LANGUAGE sql IMMUTABLE
RETURN eduaid_demo.id_number(eduaid_demo.birth(first, span, g % span), seqbase + g / span, male);

CREATE FUNCTION eduaid_demo.phone(key text) RETURNS text LANGUAGE sql IMMUTABLE
RETURN '1' || (3 + eduaid_demo.pick(key || 'p1', 7))::text
           || lpad(eduaid_demo.pick(key || 'p2', 100000000)::text, 9, '0');

-- Age on 1 September 2026, when the school year of the demo starts.
CREATE FUNCTION eduaid_demo.school_age(birth date) RETURNS int LANGUAGE sql IMMUTABLE
RETURN extract(year FROM age(DATE '2026-09-01', birth))::int;

CREATE FUNCTION eduaid_demo.stage(key text, age int) RETURNS text LANGUAGE sql IMMUTABLE
RETURN CASE
    WHEN age <= 5 THEN 'preschool'
    WHEN age <= 11 THEN 'primary'
    WHEN age <= 14 THEN 'junior'
    WHEN age <= 17 THEN CASE WHEN eduaid_demo.pick(key || 'voc', 10) < 3
                             THEN 'secondary_vocational' ELSE 'senior_high' END
    WHEN eduaid_demo.pick(key || 'col', 10) < 4 THEN 'college'
    ELSE 'none'
END;

-- The amount of a grant: the standard amount of the school year
-- (eduaid.standard_amount, the rates of 027_subsidy_rates.sql); a student
-- loan, applied for and without a standard amount, is 8000.
CREATE FUNCTION eduaid_demo.amount(program text, school_year int, stage text, boarding boolean)
RETURNS numeric LANGUAGE sql STABLE
RETURN coalesce(eduaid.standard_amount(program, school_year, stage, boarding),
                CASE program WHEN 'student_loan' THEN 8000 END);

-- The children of the demo households and what decides their facts:
-- filled and read by the clerks while they insert (the school year's rows
-- are drawn from the same keys as the members).
CREATE TABLE eduaid_demo.kid (
    household_id bigint NOT NULL,
    c            int NOT NULL,
    k            text NOT NULL,
    idn          text PRIMARY KEY,
    age          int NOT NULL,
    st           text NOT NULL
);
GRANT SELECT, INSERT ON eduaid_demo.kid TO PUBLIC;

DO $$
DECLARE
    s        record;
    vids     bigint[];
    kg       int;  pri int;  jun int;
    county   record;
    first_hh int := 0;
    first_t  int := 0;
    nh       int;
    nt       int;
BEGIN
    SELECT (SELECT id FROM eduaid.school WHERE name = '房县第一中学') AS sh1,
           (SELECT id FROM eduaid.school WHERE name = '房县第二中学') AS sh2,
           (SELECT id FROM eduaid.school WHERE name = '房县职业技术学校') AS voc,
           (SELECT id FROM eduaid.school WHERE name = '房县特殊教育学校') AS spec,
           (SELECT id FROM eduaid.school WHERE name = '湖北医药学院') AS col
      INTO county;
    FOR s IN SELECT * FROM eduaid_demo.staff ORDER BY township_id LOOP
        vids := ARRAY(SELECT id FROM eduaid.village WHERE township_id = s.township_id ORDER BY id);
        SELECT min(id) FILTER (WHERE kind = 'kindergarten'), min(id) FILTER (WHERE kind = 'primary'),
               min(id) FILTER (WHERE kind = 'junior')
          INTO kg, pri, jun FROM eduaid.school WHERE township_id = s.township_id;
        nh := CASE s.township_id WHEN 420325100 THEN 320
                                 ELSE 90 + eduaid_demo.pick(s.township_id::text, 90) END;
        nt := 8 + eduaid_demo.pick(s.township_id::text || 't', 7);
        EXECUTE format('SET SESSION AUTHORIZATION %I', s.clerk);

        INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
               head_id_number, phone, registered_year, family_size, address)
        SELECT s.township_id, k, vids[1 + eduaid_demo.pick(k || 'v', cardinality(vids))],
               eduaid_demo.person_name(k),
               eduaid_demo.person_id('1966-01-01', 9000, 0, first_hh + i,
                                     eduaid_demo.pick(k || 'sex', 100) < 85),
               eduaid_demo.phone(k),
               2014 + eduaid_demo.pick(k || 'yr', 6), 2 + eduaid_demo.pick(k || 'fam', 5),
               s.name || eduaid_demo.choose(k || 'grp', '{一,二,三,四,五,六}') || '组'
          FROM generate_series(1, nh) AS i,
               LATERAL (SELECT 'FX' || right(s.township_id::text, 3) || lpad(i::text, 4, '0') AS k) AS key
         ORDER BY i;

        -- School-age members: 0 to 3 per household, ages 4 to 20; who
        -- they are (kept in eduaid_demo.kid: their year rows below are
        -- drawn from the same keys).
        INSERT INTO eduaid_demo.kid (household_id, c, k, idn, age, st)
        SELECT h.id, c, k, idn, age, st
          FROM eduaid.household h
          CROSS JOIN LATERAL generate_series(1, CASE
                   WHEN eduaid_demo.pick(h.household_no || 'kids', 100) < 10 THEN 0
                   WHEN eduaid_demo.pick(h.household_no || 'kids', 100) < 55 THEN 1
                   WHEN eduaid_demo.pick(h.household_no || 'kids', 100) < 90 THEN 2
                   ELSE 3 END) AS c
          CROSS JOIN LATERAL (SELECT h.household_no || '-' || c AS k,
                   eduaid_demo.person_id('2006-01-01', 6000, 150,
                       (first_hh + right(h.household_no, 4)::int) * 4 + c,
                       eduaid_demo.pick(h.household_no || c || 'sex', 2) = 0) AS idn) AS p
          CROSS JOIN LATERAL (SELECT eduaid_demo.school_age(eduaid.id_birth_date(idn)) AS age) AS a
          CROSS JOIN LATERAL (SELECT eduaid_demo.stage(k, age) AS st) AS g
         WHERE h.township_id = s.township_id;
        INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date,
               relation, disability_type, disability_grade, left_behind, migrant,
               arrival_year)
        SELECT s.township_id, h.id, eduaid_demo.person_name(k, left(h.head_name, 1)), idn,
               eduaid.id_sex(idn), eduaid.id_birth_date(idn),
               CASE WHEN eduaid_demo.pick(k || 'rel', 5) = 0 THEN 'grandchild' ELSE 'child' END,
               CASE WHEN eduaid_demo.pick(k || 'dis', 1000) < 25 THEN
                   eduaid_demo.choose(k || 'dtype', '{visual,hearing,speech,physical,intellectual,intellectual,mental,multiple}') END,
               CASE WHEN eduaid_demo.pick(k || 'dis', 1000) < 25 THEN 1 + eduaid_demo.pick(k || 'dgr', 4) END,
               age <= 15 AND eduaid_demo.pick(k || 'lb', 10) < 3,
               eduaid_demo.pick(k || 'mig', 100) < 3,
               -- issue 17 H3: a migrant child came between his birth and 2026
               CASE WHEN eduaid_demo.pick(k || 'mig', 100) < 3 THEN
                   greatest(extract(year FROM eduaid.id_birth_date(idn))::int,
                            2026 - eduaid_demo.pick(k || 'arr', 9)) END
          FROM eduaid.household h
          JOIN eduaid_demo.kid ON kid.household_id = h.id
         WHERE h.township_id = s.township_id
         ORDER BY h.id, c;

        -- School year 2026: each household's record of the year (its
        -- poverty status), its children's facts of the year.
        INSERT INTO eduaid.household_year (township_id, household_id, school_year, poverty_status)
        SELECT h.township_id, h.id, 2026,
               eduaid_demo.choose(h.household_no || 'pov', '{poor,poor,lifted,lifted,lifted,monitored}')
          FROM eduaid.household h
         WHERE h.township_id = s.township_id
         ORDER BY h.id;
        INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage,
               school_id, grade, boarding, schooling_status, nutrition_meal, left_school)
        SELECT x.township_id, y.id, x.id, st,
               CASE st WHEN 'preschool' THEN kg WHEN 'primary' THEN pri WHEN 'junior' THEN jun
                       WHEN 'senior_high' THEN CASE WHEN eduaid_demo.pick(k, 2) = 0 THEN county.sh1
                                                    ELSE county.sh2 END
                       WHEN 'secondary_vocational' THEN county.voc WHEN 'college' THEN county.col END,
               CASE WHEN st IN ('primary', 'junior', 'senior_high', 'secondary_vocational')
                    THEN age - 5 END,  -- 1..12: 7-9 junior high, 10-12 senior or vocational
               st <> 'none' AND eduaid_demo.pick(k || 'board', 100) <
                   CASE st WHEN 'primary' THEN 15 WHEN 'junior' THEN 60 WHEN 'preschool' THEN 0 ELSE 80 END,
               CASE WHEN st = 'none' THEN 'not_enrolled'
                    WHEN st IN ('primary', 'junior', 'senior_high')
                         AND eduaid_demo.pick(k || 'drop', 100) < 3 THEN 'dropped_out'
                    WHEN eduaid_demo.pick(k || 'susp', 100) = 0 THEN 'suspended'
                    ELSE 'enrolled' END,
               st IN ('primary', 'junior') AND eduaid_demo.pick(k || 'meal', 100) < 97,
               st = 'none'  -- 18 or older, left after senior high (a leaver of 2026)
          FROM eduaid.student x
          JOIN eduaid_demo.kid ON kid.idn = x.id_number
          JOIN eduaid.household_year y
            ON y.township_id = x.township_id AND y.household_id = x.household_id
           AND y.school_year = 2026
         WHERE x.township_id = s.township_id
         ORDER BY x.id;

        -- Aid granted in school year 2026: 95% of what each is entitled to.
        INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id,
               program, amount, granted_on)
        SELECT sy.township_id, sy.household_year_id, sy.student_id, p,
               eduaid_demo.amount(p, 2026, sy.stage, sy.boarding),
               DATE '2026-09-15' + eduaid_demo.pick(st.id_number, 40)
          FROM eduaid.student_year sy
          JOIN eduaid.student st ON st.township_id = sy.township_id AND st.id = sy.student_id
          CROSS JOIN LATERAL unnest(eduaid.entitled_programs(sy.stage, sy.boarding,
                                                             sy.schooling_status,
                                                             sy.left_school)) AS p
         WHERE sy.township_id = s.township_id
           AND eduaid_demo.pick(st.id_number || p, 100) < 95
         ORDER BY sy.student_id, p;

        INSERT INTO eduaid.teacher (township_id, school_id, name, id_number, sex, birth_date,
               phone, title, rural_years)
        SELECT s.township_id, CASE i % 3 WHEN 0 THEN kg WHEN 1 THEN pri ELSE jun END,
               eduaid_demo.person_name(k), idn, eduaid.id_sex(idn), eduaid.id_birth_date(idn),
               eduaid_demo.phone(k),
               eduaid_demo.choose(k || 'title', '{三级教师,二级教师,二级教师,一级教师,一级教师,高级教师}'),
               1 + eduaid_demo.pick(k || 'ry', 30)
          FROM generate_series(1, nt) AS i,
               LATERAL (SELECT 'T' || s.township_id || '-' || i AS k) AS key,
               LATERAL (SELECT eduaid_demo.person_id('1966-01-01', 12000, 400, first_t + i,
                               eduaid_demo.pick(k || 'sex', 2) = 0) AS idn) AS p
         ORDER BY i;

        first_hh := first_hh + nh;
        first_t := first_t + nt;
        EXECUTE 'RESET SESSION AUTHORIZATION';
    END LOOP;
END
$$;

\ir demo_programs.sql
