-- The first migration. Migrations run in numeric order, each exactly once, and an applied file
-- never changes: the next change is the next file (`strata migrations new NAME`).
--
-- Raw data lands in `raw` as the sources deliver it; `marts` holds what analysts query.
CREATE SCHEMA raw;
CREATE SCHEMA marts;

-- Orders as the shop exports them.
CREATE TABLE raw.orders (
    order_id   BIGINT PRIMARY KEY,
    customer   VARCHAR(200) NOT NULL,
    amount     NUMERIC(12, 2) NOT NULL,
    status     VARCHAR(20) NOT NULL,
    ordered_at TIMESTAMP NOT NULL
);

-- What the orders pipeline (pipelines/orders) makes of them: cancelled orders left out, each
-- order sized.
CREATE TABLE marts.orders (
    order_id   BIGINT PRIMARY KEY,
    customer   VARCHAR(200) NOT NULL,
    amount     NUMERIC(12, 2) NOT NULL,
    size       VARCHAR(10) NOT NULL,
    ordered_at TIMESTAMP NOT NULL
);
