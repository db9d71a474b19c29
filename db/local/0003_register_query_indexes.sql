-- Version 3: indexes for the register's page query (asset.page) at department scale (300,000 assets).
-- Schema only: no rows change.
--
-- One index per sortable column, in the query's order (the column, then the tag that breaks ties), carrying the
-- filterable columns (status, type, location) too. A page of the register is then read in index order and stops
-- after the page, testing the filters on the index entries, without reading an asset row or sorting every asset:
-- a page deep in a filtered view costs a walk along one index. The older (status|type|location, asset_tag) indexes
-- and assets_serial are prefixes of these and could be dropped.
CREATE INDEX assets_sort_tag ON assets (asset_tag, status, type, location);
CREATE INDEX assets_sort_model ON assets (model, asset_tag, status, type, location);
CREATE INDEX assets_sort_purchase_date ON assets (purchase_date, asset_tag, status, type, location);
CREATE INDEX assets_sort_serial ON assets (serial_number, asset_tag, status, type, location);
CREATE INDEX assets_sort_type ON assets (type, asset_tag, status, location);
CREATE INDEX assets_sort_status ON assets (status, asset_tag, type, location);
CREATE INDEX assets_sort_location ON assets (location, asset_tag, status, type);

-- Filters combined (status with type, location with status and type): their matches, and their total, found in one
-- index without reading each asset to test the other filters (a location + type + status total took ~90 ms).
CREATE INDEX assets_filter_status_type_location ON assets (status, type, location);
CREATE INDEX assets_filter_location_status_type ON assets (location, status, type);
