-- Search (search/postgres/): PostgreSQL full-text search as the embedded default engine.
-- Both extensions are trusted on PostgreSQL >= 13; PGlite loads them from
-- @electric-sql/pglite/contrib (app/utils/embedded-postgres.server.ts, tests/setup/).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "organisationName" TEXT,
    "organisationSlug" TEXT,
    "organisationType" TEXT,
    "county" TEXT,
    "projectStatus" TEXT,
    "artifactKind" TEXT,
    "seekingPartners" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "activityAt" TIMESTAMP(3) NOT NULL,
    "titleFolded" TEXT NOT NULL,
    "searchVector" tsvector NOT NULL,
    "settingsVersion" INTEGER NOT NULL,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchDocument_entityType_entityId_idx" ON "SearchDocument"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "SearchDocument_searchVector_idx" ON "SearchDocument" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "SearchDocument_titleFolded_idx" ON "SearchDocument" USING GIN ("titleFolded" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "SearchDocument_activityAt_id_idx" ON "SearchDocument"("activityAt" DESC, "id");

