-- Customers as the CRM exports them. Deleted customers keep their row with deleted_at set.
CREATE TABLE raw.customers (
    customer_id    bigint PRIMARY KEY,
    name           text NOT NULL,
    email          text,
    annual_revenue numeric(14, 2),
    created_at     TIMESTAMP NOT NULL,
    deleted_at     TIMESTAMP
);
