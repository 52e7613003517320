-- Sample data so the example platform has something to enrich on a fresh machine.
-- A real platform loads raw.customers from its sources instead of a migration.
INSERT INTO raw.customers (customer_id, name, email, annual_revenue, created_at, deleted_at) VALUES
    (1, 'Acme Corp',          'billing@acme.example',       2500000.00, '2024-03-14 09:00:00', NULL),
    (2, 'Globex',             'ap@globex.example',           450000.00, '2025-07-01 12:30:00', NULL),
    (3, 'Initech',            'finance@initech.example',      80000.00, '2026-01-05 08:15:00', NULL),
    (4, 'Umbrella Ltd',       'accounts@umbrella.example',  1000000.00, '2026-02-20 16:45:00', NULL),
    (5, 'Hooli',              'ar@hooli.example',            100000.00, '2023-11-30 10:00:00', '2025-12-01 00:00:00'),
    (6, 'Vandelay Industries', NULL,                         NULL,      '2026-06-18 11:11:00', NULL),
    (7, 'Stark Industries',   'procurement@stark.example',  9800000.00, '2022-05-02 07:00:00', NULL),
    (8, 'Wayne Enterprises',  'treasury@wayne.example',      1000000.01, '2025-12-31 23:59:59', NULL);
