-- Version 5: the desktop keeps each asset's holder's name on the asset (kept in step by src-main/store/holder-name.ts)
-- so the register sorts by holder from an index instead of sorting every asset joined to people for each page.
ALTER TABLE assets ADD COLUMN holder_name TEXT;
UPDATE assets SET holder_name = (SELECT name FROM people WHERE id = assets.holder_id) WHERE holder_id IS NOT NULL;
CREATE INDEX assets_sort_holder_name ON assets (holder_name, asset_tag, status, type, location);
