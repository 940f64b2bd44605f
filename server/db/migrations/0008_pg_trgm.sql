-- Similar proposals use pg_trgm when it can be installed. Creating an extension needs rights (and a
-- contrib package) that an external database may not give us, so a failure here is not an error:
-- the server checks pg_extension at run time and falls back to a token overlap in JavaScript.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'pg_trgm not installed: %', SQLERRM;
END
$$;
