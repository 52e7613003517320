-- Raw data lands in `raw` as the sources deliver it; `marts` holds what analysts query.
CREATE SCHEMA raw;
CREATE SCHEMA marts;
