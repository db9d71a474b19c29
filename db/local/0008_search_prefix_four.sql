-- Version 8: the asset search index also keeps 4-character prefixes. A 4-character prefix such as "LT-0" or "3548"
-- matched tens of thousands of distinct terms, and FTS5 merged every one's list (p95 6 ms on a 300,000-asset
-- register); with a prefix index it is one list (p95 0.3 ms). The table is rebuilt from the assets, which hold every
-- indexed column (holder_name since version 5). No trigger refers to it since version 7: the store's writes keep it.
DROP TABLE asset_search;

CREATE VIRTUAL TABLE asset_search USING fts5 (
  asset_tag, serial_number, imei, phone_number, model, holder_name,
  tokenize = "unicode61 tokenchars '-./+'",
  prefix = '1 2 3 4'
);

INSERT INTO asset_search (rowid, asset_tag, serial_number, imei, phone_number, model, holder_name)
  SELECT rowid, asset_tag, serial_number, imei, phone_number, model, (SELECT name FROM people WHERE id = assets.holder_id)
    FROM assets ORDER BY rowid;

