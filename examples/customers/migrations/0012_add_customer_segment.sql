-- migrations/0012_add_customer_segment.sql

ALTER TABLE marts.customers
ADD COLUMN segment VARCHAR(50) DEFAULT 'standard';

UPDATE marts.customers
SET segment = 'enterprise'
WHERE annual_revenue > 1000000;
