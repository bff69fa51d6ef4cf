-- Directory search (app/models/directory-search.server.ts): organisations and members found
-- by name on the search page, typo- and accent-tolerant through pg_trgm on a folded name.
-- unaccent() is only STABLE (it reads its dictionary through the search_path), so index
-- expressions go through this wrapper, which pins the search_path of this migration and is
-- therefore safe to declare IMMUTABLE. Queries must use the same function to hit the indexes.
CREATE FUNCTION "samverka_fold"(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path FROM CURRENT
    AS $$ SELECT lower(unaccent(value)) $$;

-- CreateIndex
CREATE INDEX "Organisation_nameFolded_trgm_idx" ON "Organisation" USING GIN ("samverka_fold"("name") gin_trgm_ops);

-- CreateIndex: active members only, the only ones search may show (name and title together).
CREATE INDEX "User_nameTitleFolded_trgm_idx" ON "User" USING GIN ("samverka_fold"("name" || ' ' || "title") gin_trgm_ops) WHERE "status" = 'active';
