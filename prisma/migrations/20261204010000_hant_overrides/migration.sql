-- CreateTable
CREATE TABLE "HantOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wrong" TEXT NOT NULL,
    "right" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "HantOverride_wrong_key" ON "HantOverride"("wrong");
