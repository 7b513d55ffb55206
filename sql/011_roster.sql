-- 011_roster.sql: roster imports (名册导入) for their reconciliation with
-- the households and members in eduaid (名册比对), issue 5:
--
--   eduaid.roster_import        one row per import: who, when, file, encoding
--   eduaid.roster_row           its rows, as loaded by COPY (one per member
--                               of a household; the household's columns
--                               repeat), with the resolved township/village
--
-- The client resolves township and village names to codes (so that it can
-- say line:column at once); the server re-checks every row
-- (eduaid.roster_finish) and enforces the data rules as CHECK constraints
-- named roster_row_<column>_<kind>. The staging rows are never updated or
-- deleted. Who imports, who reads what, the checks and the reconciliation:
-- repeatable/31_roster.sql.
SET ROLE eduaid_owner;

CREATE TABLE eduaid.roster_import (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    imported_by text NOT NULL DEFAULT session_user,
    imported_at timestamptz NOT NULL DEFAULT now(),
    file_name   text NOT NULL,
    encoding    text NOT NULL,
    row_count   int,             -- set by roster_finish(); NULL while loading
    CONSTRAINT roster_import_file_name_check CHECK (NOT eduaid.is_blank(file_name)
        AND char_length(file_name) <= 1000),
    CONSTRAINT roster_import_encoding_check CHECK (encoding IN
        ('UTF-8', 'UTF-8 with BOM', 'GB18030')),
    CONSTRAINT roster_import_row_count_check CHECK (row_count >= 0)
);
CREATE INDEX roster_import_imported_by_idx ON eduaid.roster_import (imported_by, id);

CREATE TABLE eduaid.roster_row (
    import_id        bigint NOT NULL,
    file_line        int NOT NULL,    -- physical line the record starts on
    household_no     text NOT NULL,
    township         text NOT NULL,   -- as in the file: name or 9-digit code
    village          text NOT NULL,   -- as in the file: name or 12-digit code
    township_id      int NOT NULL,    -- resolved (checked by roster_finish)
    village_id       bigint NOT NULL,
    head_name        text NOT NULL,
    head_id_number   text NOT NULL,
    head_id_number_masked text GENERATED ALWAYS AS
                     (eduaid.mask_id_number(head_id_number)) STORED,
    family_size      int,
    member_name      text,
    member_id_number text,
    member_id_number_masked text GENERATED ALWAYS AS
                     (eduaid.mask_id_number(member_id_number)) STORED,
    relation         text,
    stage            text,
    -- import_id: no foreign key (a check per row); roster_rows_guard
    -- checks the import once per statement, and imports are never deleted
    PRIMARY KEY (import_id, file_line),
    CONSTRAINT roster_row_file_line_check CHECK (file_line >= 1),
    CONSTRAINT roster_row_household_no_check CHECK (household_no ~ '^[0-9A-Z-]{6,30}$'),
    CONSTRAINT roster_row_township_check CHECK (NOT eduaid.is_blank(township)),
    CONSTRAINT roster_row_village_check CHECK (NOT eduaid.is_blank(village)),
    CONSTRAINT roster_row_head_name_check CHECK (NOT eduaid.is_blank(head_name)
        AND char_length(head_name) <= 50),
    CONSTRAINT roster_row_head_id_number_check CHECK (eduaid.id_number_ok(head_id_number)),
    CONSTRAINT roster_row_family_size_check CHECK (family_size BETWEEN 1 AND 30),
    CONSTRAINT roster_row_member_name_check CHECK (NOT eduaid.is_blank(member_name)
        AND char_length(member_name) <= 50),
    CONSTRAINT roster_row_member_name_required CHECK (member_name IS NOT NULL
        OR (member_id_number IS NULL AND relation IS NULL AND stage IS NULL)),
    CONSTRAINT roster_row_member_id_number_check CHECK (eduaid.id_number_ok(member_id_number)),
    CONSTRAINT roster_row_member_id_number_required CHECK (member_name IS NULL
        OR member_id_number IS NOT NULL),
    CONSTRAINT roster_row_relation_check CHECK (relation IN
        ('child', 'grandchild', 'sibling', 'self', 'other')),
    CONSTRAINT roster_row_stage_check CHECK (stage IN ('preschool', 'primary', 'junior',
        'senior_high', 'secondary_vocational', 'college', 'none'))
);
CREATE INDEX roster_row_household_idx ON eduaid.roster_row (import_id, household_no);

------------------------------------------------------------------------
-- The reconciliation's rows (repeatable/31_roster.sql).
CREATE TYPE eduaid.roster_difference AS (
    township_id   int,
    township_name text,
    diff_kind     text,
    household_no  text,
    person_name   text,
    id_number     text,   -- masked for supervisors
    field         text,
    roster_value  text,
    eduaid_value  text
);
