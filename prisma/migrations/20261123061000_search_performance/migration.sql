-- Search (search/postgres/engine.ts): the index never holds a post that is not visible, not
-- even before the outbox worker has caught up. Searches then need no join to "Post": they
-- read "SearchDocument" alone and leave out only the posts whose answers changed status a
-- moment ago (search/pending-visibility.ts).
-- - A post that stops being visible loses its document in the same transaction (the outbox
--   row the service writes still reaches the worker, whose removal is then a no-op).
-- - A post row that is deleted outright (no service does that today; an operator might) takes
--   its document with it, as a foreign key with ON DELETE CASCADE would.
-- A restored post comes back through its outbox row, as before.
CREATE FUNCTION "samverka_search_document_cleanup"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM "SearchDocument" WHERE "entityType" = 'post' AND "entityId" = OLD."id";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Post_search_document_hidden"
    AFTER UPDATE OF "status" ON "Post"
    FOR EACH ROW WHEN (NEW."status" <> 'visible')
    EXECUTE FUNCTION "samverka_search_document_cleanup"();

CREATE TRIGGER "Post_search_document_deleted"
    AFTER DELETE ON "Post"
    FOR EACH ROW
    EXECUTE FUNCTION "samverka_search_document_cleanup"();

-- Typos no longer go through a trigram match on the folded title (see "SearchTerm" below).
-- DropIndex
DROP INDEX "SearchDocument_titleFolded_idx";

-- AlterTable
ALTER TABLE "SearchDocument" DROP COLUMN "titleFolded";

-- The vocabulary for typo correction: every stem of the index ("SearchDocument"."searchVector"),
-- unaccented and lower-cased beside it for trigram similarity. The engine adds the stems of
-- every document it writes (INSERT … ON CONFLICT DO NOTHING). A query stem that is not here is
-- a typo, replaced by the similar stems, so correctly spelled queries never pay for typos.
CREATE TABLE "SearchTerm" (
    "lexeme" TEXT NOT NULL,
    "folded" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("lexeme")
);

INSERT INTO "SearchTerm" ("lexeme", "folded")
SELECT t.lexeme, lower(unaccent(t.lexeme))
FROM (SELECT DISTINCT v.lexeme FROM "SearchDocument" d CROSS JOIN LATERAL unnest(d."searchVector") AS v) AS t;

-- CreateIndex
CREATE INDEX "SearchTerm_folded_idx" ON "SearchTerm" USING GIN ("folded" gin_trgm_ops);

-- Narrow table rows (npm run bench:search, EXPLAIN ANALYZE on 100,000 documents): the total
-- and the facet counts read every match's row, so rows are kept small enough that the table
-- stays in shared buffers (79 MB instead of 211 MB). "searchVector" and "text" may go out of
-- line (TOAST): only the ranked window (search/postgres/engine.ts, RANK_WINDOW) and one
-- page's snippets read them. The short columns that filters and facets read are never
-- compressed or moved out of line: with the vector kept inline (tried, and measured) the
-- toaster moved them out instead, and counting an organisation or tag facet cost one TOAST
-- lookup per match. Applies to rows written from now on; the next rebuild
-- (`npm run search:reindex`) rewrites the existing ones.
ALTER TABLE "SearchDocument"
    ALTER COLUMN "searchVector" SET STORAGE EXTENDED,
    ALTER COLUMN "text" SET STORAGE EXTENDED,
    ALTER COLUMN "id" SET STORAGE PLAIN,
    ALTER COLUMN "entityType" SET STORAGE PLAIN,
    ALTER COLUMN "entityId" SET STORAGE PLAIN,
    ALTER COLUMN "type" SET STORAGE PLAIN,
    ALTER COLUMN "tags" SET STORAGE PLAIN,
    ALTER COLUMN "organisationSlug" SET STORAGE PLAIN,
    ALTER COLUMN "organisationType" SET STORAGE PLAIN,
    ALTER COLUMN "county" SET STORAGE PLAIN,
    ALTER COLUMN "projectStatus" SET STORAGE PLAIN,
    ALTER COLUMN "artifactKind" SET STORAGE PLAIN,
    ALTER COLUMN "status" SET STORAGE PLAIN,
    ALTER COLUMN "title" SET STORAGE MAIN,
    ALTER COLUMN "organisationName" SET STORAGE MAIN,
    SET (toast_tuple_target = 128);
