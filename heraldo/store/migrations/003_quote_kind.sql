-- heraldo store, version 3: each quote's kind, "direct", "reported" or "stance" (docs/quotes.md).
-- Quotes stored before this version keep kind NULL (their `direct` column still holds).
ALTER TABLE quotes ADD COLUMN kind TEXT;
