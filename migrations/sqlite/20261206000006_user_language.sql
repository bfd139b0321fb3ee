-- The interface language a person chose ('en', 'fr'); NULL until they
-- choose, when the browser's Accept-Language decides.
ALTER TABLE users ADD COLUMN language TEXT;
