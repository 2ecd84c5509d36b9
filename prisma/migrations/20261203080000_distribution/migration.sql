-- CreateTable
CREATE TABLE "Subscriber" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "allCategories" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" DATETIME,
    "unsubscribedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SubscriberCategory" (
    "subscriberId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,

    PRIMARY KEY ("subscriberId", "categoryId"),
    CONSTRAINT "SubscriberCategory_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SubscriberCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JournalistList" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Journalist" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "listId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisation" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL,
    "unsubscribedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Journalist_listId_fkey" FOREIGN KEY ("listId") REFERENCES "JournalistList" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Suppression" (
    "email" TEXT NOT NULL PRIMARY KEY,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MailDispatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "releaseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "subscribers" BOOLEAN NOT NULL,
    "listIds" TEXT NOT NULL,
    "notBefore" DATETIME NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'journalists',
    "cursor" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MailDispatch_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "releaseId" TEXT,
    "dispatchId" TEXT,
    "round" INTEGER NOT NULL DEFAULT 0,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL,
    "subscriberId" TEXT,
    "journalistId" TEXT,
    "payload" TEXT,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lockedBy" TEXT,
    "firstAttemptAt" DATETIME,
    "sentAt" DATETIME,
    "lastCode" INTEGER,
    "lastError" TEXT,
    "messageId" TEXT,
    "tokenHash" TEXT,
    "unsubscribeHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MailMessage_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MailMessage_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "MailDispatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MailMessage_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmbargoGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "releaseId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL,
    "tokenHash" TEXT,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmbargoGrant_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmbargoAccess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "grantId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "EmbargoAccess_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "EmbargoGrant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LocalMail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "raw" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "webhookId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "releaseId" TEXT,
    "payload" TEXT,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lockedBy" TEXT,
    "firstAttemptAt" DATETIME,
    "deliveredAt" DATETIME,
    "responseStatus" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_email_key" ON "Subscriber"("email");

-- CreateIndex
CREATE INDEX "Subscriber_status_id_idx" ON "Subscriber"("status", "id");

-- CreateIndex
CREATE INDEX "SubscriberCategory_categoryId_idx" ON "SubscriberCategory"("categoryId");

-- CreateIndex
CREATE INDEX "Journalist_email_idx" ON "Journalist"("email");

-- CreateIndex
CREATE INDEX "Journalist_listId_id_idx" ON "Journalist"("listId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Journalist_listId_email_key" ON "Journalist"("listId", "email");

-- CreateIndex
CREATE INDEX "MailDispatch_phase_notBefore_idx" ON "MailDispatch"("phase", "notBefore");

-- CreateIndex
CREATE INDEX "MailDispatch_releaseId_idx" ON "MailDispatch"("releaseId");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_dedupeKey_key" ON "MailMessage"("dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_tokenHash_key" ON "MailMessage"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_unsubscribeHash_key" ON "MailMessage"("unsubscribeHash");

-- CreateIndex
CREATE INDEX "MailMessage_state_nextAttemptAt_idx" ON "MailMessage"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MailMessage_releaseId_state_idx" ON "MailMessage"("releaseId", "state");

-- CreateIndex
CREATE INDEX "MailMessage_subscriberId_idx" ON "MailMessage"("subscriberId");

-- CreateIndex
CREATE UNIQUE INDEX "EmbargoGrant_tokenHash_key" ON "EmbargoGrant"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "EmbargoGrant_releaseId_email_key" ON "EmbargoGrant"("releaseId", "email");

-- CreateIndex
CREATE INDEX "EmbargoAccess_grantId_at_idx" ON "EmbargoAccess"("grantId", "at");

-- CreateIndex
CREATE INDEX "LocalMail_createdAt_idx" ON "LocalMail"("createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_state_nextAttemptAt_idx" ON "WebhookDelivery"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_releaseId_idx" ON "WebhookDelivery"("releaseId");

