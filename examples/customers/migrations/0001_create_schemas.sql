-- Raw data lands in `raw` as the sources deliver it; `marts` holds what analysts query.
-- (On MySQL/MariaDB a schema is a database: the same file works there.)
CREATE SCHEMA raw;
CREATE SCHEMA marts;
