-- Search: what is hidden or deleted is gone from every result at once, in both engines and for
-- any number of rows. A post's document also holds the text of its visible answers, so when a
-- post or a visible answer stops being visible (its status changes, or its row is deleted
-- outright: account deletion with removal, a cascade from its question), a trigger adds an
-- outbox row for the post, operation 'hide', in the same transaction. Searches leave out every
-- post with an unprocessed 'hide' row (search/pending-visibility.ts), reading the outbox
-- alone: the rows that changed may be gone, so nothing may depend on joining them. The worker
-- handles a 'hide' row like any post row (re-indexes the post without what went, or removes
-- it), which ends the exclusion.
CREATE FUNCTION "samverka_search_hide_post"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO "SearchOutbox" ("entityType", "entityId", "operation", "createdAt")
    VALUES ('post', OLD."id", 'hide', now() AT TIME ZONE 'UTC');
    RETURN NULL;
END
$$;

CREATE FUNCTION "samverka_search_hide_answer"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO "SearchOutbox" ("entityType", "entityId", "operation", "createdAt")
    VALUES ('post', OLD."postId", 'hide', now() AT TIME ZONE 'UTC');
    RETURN NULL;
END
$$;

CREATE TRIGGER "Post_search_hide_marker_hidden"
    AFTER UPDATE OF "status" ON "Post"
    FOR EACH ROW WHEN (OLD."status" = 'visible' AND NEW."status" <> 'visible')
    EXECUTE FUNCTION "samverka_search_hide_post"();

CREATE TRIGGER "Post_search_hide_marker_deleted"
    AFTER DELETE ON "Post"
    FOR EACH ROW WHEN (OLD."status" = 'visible')
    EXECUTE FUNCTION "samverka_search_hide_post"();

CREATE TRIGGER "Answer_search_hide_marker_hidden"
    AFTER UPDATE OF "status" ON "Answer"
    FOR EACH ROW WHEN (OLD."status" = 'visible' AND NEW."status" <> 'visible')
    EXECUTE FUNCTION "samverka_search_hide_answer"();

CREATE TRIGGER "Answer_search_hide_marker_deleted"
    AFTER DELETE ON "Answer"
    FOR EACH ROW WHEN (OLD."status" = 'visible')
    EXECUTE FUNCTION "samverka_search_hide_answer"();

-- Changes made before this migration that the worker has not applied yet: the same marker,
-- found the way searches found them until now (by joining the rows, which still exist).
INSERT INTO "SearchOutbox" ("entityType", "entityId", "operation", "createdAt")
SELECT 'post', pending."postId", 'hide', now() AT TIME ZONE 'UTC'
FROM (
    SELECT stale_post."id" AS "postId"
    FROM "SearchOutbox" o JOIN "Post" stale_post ON stale_post."id" = o."entityId"
    WHERE o."processedAt" IS NULL AND o."entityType" = 'post' AND stale_post."status" <> 'visible'
    UNION
    SELECT stale_answer."postId" AS "postId"
    FROM "SearchOutbox" o JOIN "Answer" stale_answer ON stale_answer."id" = o."entityId"
    WHERE o."processedAt" IS NULL AND o."entityType" = 'answer' AND stale_answer."status" <> 'visible'
) AS pending
ORDER BY pending."postId";
