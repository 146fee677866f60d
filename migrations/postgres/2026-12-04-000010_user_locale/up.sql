-- The language a user chose for the app and for what the server words for them (flag
-- explanations, problem documents, printable handover briefs): 'nl' or 'en'. NULL until they
-- choose: they then get the language their browser asks for (Accept-Language), and English
-- when it asks for neither.
ALTER TABLE users ADD COLUMN locale TEXT CHECK (locale IN ('nl', 'en'));

-- Stored flags now carry their figures (params) instead of an English explanation: the
-- figures are derived data, so they are dropped here and recomputed by the server right after
-- migrating.
DELETE FROM account_risk;
DELETE FROM risk_totals;
