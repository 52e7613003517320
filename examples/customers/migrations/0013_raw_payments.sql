-- Payments as the billing system exports them. Sensitive: nobody reads them directly; access/
-- grants nothing on this table, so any grant on it is drift that apply revokes.
CREATE TABLE raw.payments (
    payment_id  bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    amount      numeric(14, 2) NOT NULL,
    paid_at     TIMESTAMP NOT NULL
);
