-- sql/repeatable/90_statistics.sql: rules that hold for every column,
-- whichever migration added it (016_index_scope.sql): personal and
-- free-text columns keep no planner statistics. Runs last, on every
-- migrate.
SELECT eduaid.private_statistics_off();
