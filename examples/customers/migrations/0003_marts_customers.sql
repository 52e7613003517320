-- The enriched customers mart, written by the customers pipeline (pipelines/customers).
CREATE TABLE marts.customers (
    customer_id      bigint PRIMARY KEY,
    name             text NOT NULL,
    email            text,
    annual_revenue   numeric(14, 2),
    is_new_this_year boolean NOT NULL,
    created_at       TIMESTAMP NOT NULL
);
