-- CreateTable
CREATE TABLE "TmUnit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceHash" TEXT NOT NULL,
    "targetHash" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "sourceLength" INTEGER NOT NULL,
    "k0" INTEGER NOT NULL,
    "k1" INTEGER NOT NULL,
    "k2" INTEGER NOT NULL,
    "k3" INTEGER NOT NULL,
    "k4" INTEGER NOT NULL,
    "k5" INTEGER NOT NULL,
    "k6" INTEGER NOT NULL,
    "k7" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "TmSource" (
    "unitId" INTEGER NOT NULL,
    "releaseId" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("unitId", "releaseId", "via"),
    CONSTRAINT "TmSource_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "TmUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TmSource_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GlossaryTerm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "term" TEXT NOT NULL,
    "termKey" TEXT NOT NULL,
    "approved" TEXT NOT NULL,
    "forbidden" TEXT NOT NULL DEFAULT '[]',
    "note" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GlossaryTerm_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TranslationAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "releaseId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "assignedById" TEXT,
    "dueAt" DATETIME NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "startedAt" DATETIME,
    "completedAt" DATETIME,
    "dueSoonNotifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TranslationAssignment_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TranslationAssignment_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TranslationAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "releaseId" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TmUnit_k0_id_idx" ON "TmUnit"("k0", "id");

-- CreateIndex
CREATE INDEX "TmUnit_k1_id_idx" ON "TmUnit"("k1", "id");

-- CreateIndex
CREATE INDEX "TmUnit_k2_id_idx" ON "TmUnit"("k2", "id");

-- CreateIndex
CREATE INDEX "TmUnit_k3_id_idx" ON "TmUnit"("k3", "id");

-- CreateIndex
CREATE INDEX "TmUnit_k4_id_idx" ON "TmUnit"("k4", "id");

-- CreateIndex
CREATE INDEX "TmUnit_k5_id_idx" ON "TmUnit"("k5", "id");

-- CreateIndex
CREATE INDEX "TmUnit_k6_id_idx" ON "TmUnit"("k6", "id");

-- CreateIndex
CREATE INDEX "TmUnit_k7_id_idx" ON "TmUnit"("k7", "id");

-- CreateIndex
CREATE UNIQUE INDEX "TmUnit_sourceHash_targetHash_key" ON "TmUnit"("sourceHash", "targetHash");

-- CreateIndex
CREATE INDEX "TmSource_releaseId_via_idx" ON "TmSource"("releaseId", "via");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryTerm_termKey_key" ON "GlossaryTerm"("termKey");

-- CreateIndex
CREATE INDEX "GlossaryTerm_category_termKey_idx" ON "GlossaryTerm"("category", "termKey");

-- CreateIndex
CREATE UNIQUE INDEX "TranslationAssignment_releaseId_key" ON "TranslationAssignment"("releaseId");

-- CreateIndex
CREATE INDEX "TranslationAssignment_assigneeId_completedAt_dueAt_idx" ON "TranslationAssignment"("assigneeId", "completedAt", "dueAt");

-- CreateIndex
CREATE INDEX "TranslationAssignment_completedAt_dueAt_idx" ON "TranslationAssignment"("completedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");


-- Translation memory text search (hand-written: FTS5 is outside Prisma's model; docs/TRANSLATION.md).
-- Tokens come from the app (CJK bigrams of the Chinese, stemmed words of the English), like search.
-- Contentless: the text lives in "TmUnit"; the rowid is the unit id.
CREATE VIRTUAL TABLE "TmFts" USING fts5(
    "zh", "en",
    tokenize = 'unicode61 remove_diacritics 0',
    content = '',
    contentless_delete = 1
);

CREATE TRIGGER "TmUnit_delete" AFTER DELETE ON "TmUnit" BEGIN
    DELETE FROM "TmFts" WHERE "rowid" = old."id";
END;
