-- Version 6: indexes that migration 0003's covering indexes begin with, so they add write cost and nothing else.
-- Left in place they also mislead the planner, which can pick one of them and read every asset row to test the
-- other filters, where the covering index would test them on its own entries. Schema only.
DROP INDEX assets_status_tag;
DROP INDEX assets_type_tag;
DROP INDEX assets_location_tag;
DROP INDEX assets_serial;
