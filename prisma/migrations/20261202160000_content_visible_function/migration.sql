-- Visibility written once for SQL: "samverka_content_visible" is the SQL form of the content
-- policy's `visibleContentWhere` (app/policies/content.ts; raw queries use it through
-- `visibleContentSql` in app/policies/content-sql.server.ts). Raw queries and the search
-- triggers below ask it instead of spelling the status again. LANGUAGE sql and IMMUTABLE: the
-- planner inlines it, so a call is planned as the comparison it holds (indexes still apply).
CREATE FUNCTION "samverka_content_visible"(status "ContentStatus") RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT status = 'visible' $$;

DROP TRIGGER "Post_search_document_hidden" ON "Post";
CREATE TRIGGER "Post_search_document_hidden"
    AFTER UPDATE OF "status" ON "Post"
    FOR EACH ROW WHEN (NOT "samverka_content_visible"(NEW."status"))
    EXECUTE FUNCTION "samverka_search_document_cleanup"();

DROP TRIGGER "Post_search_hide_marker_hidden" ON "Post";
CREATE TRIGGER "Post_search_hide_marker_hidden"
    AFTER UPDATE OF "status" ON "Post"
    FOR EACH ROW WHEN ("samverka_content_visible"(OLD."status") AND NOT "samverka_content_visible"(NEW."status"))
    EXECUTE FUNCTION "samverka_search_hide_post"();

DROP TRIGGER "Post_search_hide_marker_deleted" ON "Post";
CREATE TRIGGER "Post_search_hide_marker_deleted"
    AFTER DELETE ON "Post"
    FOR EACH ROW WHEN ("samverka_content_visible"(OLD."status"))
    EXECUTE FUNCTION "samverka_search_hide_post"();

DROP TRIGGER "Answer_search_hide_marker_hidden" ON "Answer";
CREATE TRIGGER "Answer_search_hide_marker_hidden"
    AFTER UPDATE OF "status" ON "Answer"
    FOR EACH ROW WHEN ("samverka_content_visible"(OLD."status") AND NOT "samverka_content_visible"(NEW."status"))
    EXECUTE FUNCTION "samverka_search_hide_answer"();

DROP TRIGGER "Answer_search_hide_marker_deleted" ON "Answer";
CREATE TRIGGER "Answer_search_hide_marker_deleted"
    AFTER DELETE ON "Answer"
    FOR EACH ROW WHEN ("samverka_content_visible"(OLD."status"))
    EXECUTE FUNCTION "samverka_search_hide_answer"();
